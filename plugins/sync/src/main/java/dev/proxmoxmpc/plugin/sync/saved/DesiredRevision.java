package dev.proxmoxmpc.plugin.sync.saved;

import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.model.Network;
import dev.proxmoxmpc.spi.model.Pool;
import dev.proxmoxmpc.spi.model.Storage;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;

/**
 * The revision of a desired state: the SHA-256 of a canonical text of what the user declares (guests with kind,
 * VMID, node, pool, power state and config; storages, networks, pools), independent of list and map order. Server
 * facts the desired state carries along (a guest's runtime, the node list) are not part of it.
 */
public final class DesiredRevision {
    private DesiredRevision() {}

    public static String of(Inventory desired) {
        StringBuilder sb = new StringBuilder("cluster ").append(desired.cluster()).append('\n');
        desired.guests().stream().sorted(Comparator.comparingInt(Guest::vmid)).forEach(g -> {
            sb.append("guest ").append(g.kind()).append(' ').append(g.vmid()).append(' ').append(g.node()).append(' ')
                    .append(g.pool()).append(' ').append(g.status()).append('\n');
            config(sb, g.config());
        });
        desired.storages().stream().sorted(Comparator.comparing(Storage::id)).forEach(s -> {
            sb.append("storage ").append(s.id()).append(' ').append(s.type()).append('\n');
            config(sb, s.config());
        });
        desired.networks().stream().sorted(Comparator.comparing((Network n) -> n.node()).thenComparing(Network::iface)).forEach(n -> {
            sb.append("network ").append(n.node()).append(' ').append(n.iface()).append(' ').append(n.type()).append('\n');
            config(sb, n.config());
        });
        desired.pools().stream().sorted(Comparator.comparing(Pool::id))
                .forEach(p -> sb.append("pool ").append(p.id()).append(' ').append(escape(p.comment())).append('\n'));
        return PlanFiles.sha256(sb.toString());
    }

    private static void config(StringBuilder sb, Map<String, String> config) {
        new TreeMap<>(config).forEach((k, v) -> sb.append("  ").append(escape(k)).append('=').append(escape(v)).append('\n'));
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\n", "\\n");
    }
}
