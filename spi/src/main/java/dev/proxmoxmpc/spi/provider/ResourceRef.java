package dev.proxmoxmpc.spi.provider;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
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
    public enum Type {
        VM, CONTAINER, NETWORK, STORAGE, POOL,
        /** A {@link dev.proxmoxmpc.spi.model.ClusterObject}: node holds its scope, id {@code <kind>/<id>}; since 1.1. */
        @API(status = EXPERIMENTAL, since = "1.1")
        OBJECT
    }

    public ResourceRef {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(id, "id");
        if (type == Type.OBJECT && id.indexOf('/') < 1) {
            throw new IllegalArgumentException("an object reference's id is <kind>/<id>: " + id);
        }
    }

    public static ResourceRef vm(String node, int vmid) {
        return new ResourceRef(Type.VM, node, Integer.toString(vmid));
    }

    public static ResourceRef container(String node, int vmid) {
        return new ResourceRef(Type.CONTAINER, node, Integer.toString(vmid));
    }

    /** @return the reference of a {@link dev.proxmoxmpc.spi.model.ClusterObject} */
    @API(status = EXPERIMENTAL, since = "1.1")
    public static ResourceRef object(String kind, String scope, String id) {
        return new ResourceRef(Type.OBJECT, scope, kind + "/" + id);
    }

    /** @return an object's kind, or {@code ""} for other types */
    @API(status = EXPERIMENTAL, since = "1.1")
    public String objectKind() {
        return type == Type.OBJECT ? id.substring(0, id.indexOf('/')) : "";
    }

    /** @return an object's id within its kind and scope, or {@code ""} for other types */
    @API(status = EXPERIMENTAL, since = "1.1")
    public String objectId() {
        return type == Type.OBJECT ? id.substring(id.indexOf('/') + 1) : "";
    }

    /** @return {@code vm/101}, {@code network/pve1/vmbr1}, {@code storage/nfs1}. */
    @Override
    public String toString() {
        if (type == Type.OBJECT) {
            String oid = objectId();
            return objectKind() + (node.isEmpty() ? "" : "/" + node) + (oid.isEmpty() ? "" : "/" + oid);
        }
        String t = type.name().toLowerCase(java.util.Locale.ROOT);
        return node.isEmpty() || type == Type.VM || type == Type.CONTAINER ? t + "/" + id : t + "/" + node + "/" + id;
    }
}
