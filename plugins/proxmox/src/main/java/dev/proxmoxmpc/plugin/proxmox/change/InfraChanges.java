package dev.proxmoxmpc.plugin.proxmox.change;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proxmoxmpc.plugin.proxmox.http.Json;
import dev.proxmoxmpc.spi.provider.Change;
import dev.proxmoxmpc.spi.provider.ChangeAction;
import dev.proxmoxmpc.spi.provider.ProviderException;
import dev.proxmoxmpc.spi.provider.ResourceRef;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Node networks (bridges, VLANs), storage definitions and pools. */
final class InfraChanges {
    /** Storage types PVE marks {@code shared} by itself; their plugins take no {@code shared} option. */
    private static final Set<String> SHARED_BY_TYPE = Set.of("nfs", "cifs", "cephfs", "rbd", "iscsi", "iscsidirect", "zfs",
            "pbs", "esxi");

    private final Writes w;
    private final Change c;
    private final ResourceRef ref;

    InfraChanges(Writes writes, Change change) {
        this.w = writes;
        this.c = change;
        this.ref = change.target();
    }

    void run() {
        switch (ref.type()) {
            case NETWORK -> network();
            case STORAGE -> storage();
            case POOL -> pool();
            default -> throw new IllegalStateException("not an infrastructure change: " + ref);
        }
    }

    /** Interface changes are staged in /etc/network/interfaces.new, then applied with PUT /nodes/{n}/network. */
    private void network() {
        String base = "/nodes/" + ref.node() + "/network";
        NetworkParams.Split split = NetworkParams.of(c.settings());
        if (!split.unsettable().isEmpty() && c.action() != ChangeAction.DELETE) {
            w.progress().message(ref + ": " + String.join(", ", split.unsettable())
                    + " cannot be set through the Proxmox API; left as the server has them");
        }
        Map<String, String> p = new LinkedHashMap<>(split.params());
        switch (c.action()) {
            case CREATE -> {
                p.put("iface", ref.id());
                w.progress().message("creating " + ref);
                w.write("create " + ref, "POST", base, p);
            }
            case UPDATE -> {
                if (!p.containsKey("type")) {
                    throw new ProviderException(ProviderException.Kind.INVALID, "update " + ref + ": the interface 'type' setting is required");
                }
                List<String> deletions = NetworkParams.deletions(c.deletions());
                keepAddresses(base, p, deletions);
                if (!deletions.isEmpty()) {
                    p.put("delete", String.join(",", deletions));
                }
                w.write("update " + ref, "PUT", base + "/" + ref.id(), p);
            }
            case DELETE -> w.write("delete " + ref, "DELETE", base + "/" + ref.id(), Map.of());
            default -> unsupported();
        }
        w.progress().message("applying network configuration on " + ref.node());
        w.write("apply network configuration on " + ref.node(), "PUT", base, Map.of());
    }

    /**
     * PVE sets an interface's {@code method} from the address the update carries ({@code manual} without one), so an
     * update that leaves the address alone sends the current {@code cidr}/{@code cidr6} again, as the web UI does.
     */
    private void keepAddresses(String base, Map<String, String> p, List<String> deletions) {
        JsonNode current = null;
        for (String six : new String[] {"", "6"}) {
            if (p.containsKey("cidr" + six) || p.containsKey("address" + six) || deletions.contains("cidr" + six)
                    || deletions.contains("address" + six)) {
                continue;
            }
            current = current != null ? current : w.client().get(base + "/" + ref.id());
            String cidr = Json.string(current, "cidr" + six);
            if (!cidr.isEmpty()) {
                p.put("cidr" + six, cidr);
            }
        }
    }

    private void storage() {
        Map<String, String> p = new LinkedHashMap<>(c.settings());
        switch (c.action()) {
            case CREATE -> {
                if (SHARED_BY_TYPE.contains(p.getOrDefault("type", ""))) {
                    p.remove("shared");
                }
                p.put("storage", ref.id());
                w.write("create " + ref, "POST", "/storage", p);
            }
            case UPDATE -> {
                p.remove("type");
                if (!c.deletions().isEmpty()) {
                    p.put("delete", String.join(",", c.deletions()));
                }
                if (!c.option(Change.OPT_DIGEST).isEmpty()) {
                    p.put("digest", c.option(Change.OPT_DIGEST));
                }
                w.write("update " + ref, "PUT", "/storage/" + ref.id(), p);
            }
            case DELETE -> w.write("delete " + ref, "DELETE", "/storage/" + ref.id(), Map.of());
            default -> unsupported();
        }
    }

    /**
     * Pools: {@code comment} is set (an empty one clears it: the API has no key deletion, its {@code delete=1} means
     * "remove the members given"); membership is {@code vms=<vmid>} [+ {@code delete=1}] as the sync planner sends it.
     */
    private void pool() {
        Map<String, String> p = new LinkedHashMap<>(c.settings());
        p.put("poolid", ref.id());
        switch (c.action()) {
            case CREATE -> w.write("create " + ref, "POST", "/pools", p);
            case UPDATE -> {
                for (String k : c.deletions()) {
                    if (!k.equals("comment")) {
                        throw new ProviderException(ProviderException.Kind.INVALID, "update " + ref + ": '" + k
                                + "' cannot be removed from a pool; only its comment can");
                    }
                    p.put("comment", "");
                }
                w.write("update " + ref, "PUT", "/pools", p);
            }
            case DELETE -> w.write("delete " + ref, "DELETE", "/pools", Map.of("poolid", ref.id()));
            default -> unsupported();
        }
    }

    private void unsupported() {
        throw new ProviderException(ProviderException.Kind.INVALID, c.action() + " is not supported for " + ref.type().name().toLowerCase(Locale.ROOT));
    }
}
