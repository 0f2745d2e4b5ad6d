package dev.proxmoxmpc.plugin.proxmox.change;

import dev.proxmoxmpc.spi.provider.Change;
import dev.proxmoxmpc.spi.provider.ChangeAction;
import dev.proxmoxmpc.spi.provider.ProviderException;
import dev.proxmoxmpc.spi.provider.ResourceRef;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Node networks (bridges, VLANs), storage definitions and pools. */
final class InfraChanges {
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
        Map<String, String> p = withDeletions(c.settings());
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
                w.write("update " + ref, "PUT", base + "/" + ref.id(), p);
            }
            case DELETE -> w.write("delete " + ref, "DELETE", base + "/" + ref.id(), Map.of());
            default -> unsupported();
        }
        w.progress().message("applying network configuration on " + ref.node());
        w.write("apply network configuration on " + ref.node(), "PUT", base, Map.of());
    }

    private void storage() {
        Map<String, String> p = withDeletions(c.settings());
        switch (c.action()) {
            case CREATE -> {
                p.put("storage", ref.id());
                w.write("create " + ref, "POST", "/storage", p);
            }
            case UPDATE -> {
                p.remove("type");
                if (!c.option(Change.OPT_DIGEST).isEmpty()) {
                    p.put("digest", c.option(Change.OPT_DIGEST));
                }
                w.write("update " + ref, "PUT", "/storage/" + ref.id(), p);
            }
            case DELETE -> w.write("delete " + ref, "DELETE", "/storage/" + ref.id(), Map.of());
            default -> unsupported();
        }
    }

    private void pool() {
        Map<String, String> p = withDeletions(c.settings());
        p.put("poolid", ref.id());
        switch (c.action()) {
            case CREATE -> w.write("create " + ref, "POST", "/pools", p);
            case UPDATE -> w.write("update " + ref, "PUT", "/pools", p);
            case DELETE -> w.write("delete " + ref, "DELETE", "/pools", Map.of("poolid", ref.id()));
            default -> unsupported();
        }
    }

    private Map<String, String> withDeletions(Map<String, String> settings) {
        Map<String, String> p = new LinkedHashMap<>(settings);
        if (!c.deletions().isEmpty() && c.action() == ChangeAction.UPDATE) {
            p.put("delete", String.join(",", c.deletions()));
        }
        return p;
    }

    private void unsupported() {
        throw new ProviderException(ProviderException.Kind.INVALID, c.action() + " is not supported for " + ref.type().name().toLowerCase(Locale.ROOT));
    }
}
