package dev.proxmoxmpc.spi.provider;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Names the thing a change acts on.
 *
 * @param type the kind of resource
 * @param node the node ({@code ""} for cluster-wide resources such as storage definitions and pools)
 * @param id   the VMID, interface name, storage id or pool id
 */
@API(status = STABLE, since = "1.0")
public record ResourceRef(Type type, String node, String id) {

    /** Kinds of resources a provider changes. */
    @API(status = STABLE, since = "1.0")
    public enum Type { VM, CONTAINER, NETWORK, STORAGE, POOL }

    public ResourceRef {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(id, "id");
    }

    public static ResourceRef vm(String node, int vmid) {
        return new ResourceRef(Type.VM, node, Integer.toString(vmid));
    }

    public static ResourceRef container(String node, int vmid) {
        return new ResourceRef(Type.CONTAINER, node, Integer.toString(vmid));
    }

    /** @return {@code vm/101}, {@code network/pve1/vmbr1}, {@code storage/nfs1}. */
    @Override
    public String toString() {
        String t = type.name().toLowerCase(java.util.Locale.ROOT);
        return node.isEmpty() || type == Type.VM || type == Type.CONTAINER ? t + "/" + id : t + "/" + node + "/" + id;
    }
}
