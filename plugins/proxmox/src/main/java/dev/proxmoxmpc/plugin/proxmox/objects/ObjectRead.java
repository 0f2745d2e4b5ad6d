package dev.proxmoxmpc.plugin.proxmox.objects;

import dev.proxmoxmpc.spi.model.ClusterObject;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * One unit of reading: its objects, from one or a few GETs.
 *
 * @param node the node it asks ({@code ""} for cluster-wide reads): a node the cluster cannot reach (595/596) is
 *             skipped like its guests, not failed
 * @param read the read; throws {@link dev.proxmoxmpc.spi.provider.ProviderException} as the client does. A refusal
 *             (403) marks the family's kinds as unread: plans leave them alone instead of recreating them
 */
public record ObjectRead(String node, Supplier<List<ClusterObject>> read) {
    public ObjectRead {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(read, "read");
    }

    public static ObjectRead cluster(Supplier<List<ClusterObject>> read) {
        return new ObjectRead("", read);
    }
}
