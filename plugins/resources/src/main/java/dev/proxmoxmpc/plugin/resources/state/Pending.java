package dev.proxmoxmpc.plugin.resources.state;

import dev.proxmoxmpc.plugin.resources.view.FieldDiff;
import dev.proxmoxmpc.spi.model.Guest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A quick local answer to "does /apply have work for this guest?": desired against observed, ignoring what the
 * server generates, runtime keys, create-only parameters and {@code mpc.*} metadata. /plan has the full answer.
 */
public final class Pending {
    private static final Set<String> IGNORED = Set.of("digest", "meta", "vmgenid", "lock", "parent", "snaptime", "pending",
            "ostemplate", "password", "ssh-public-keys", "storage", "unique", "start");

    private Pending() {}

    /** @return {@code create}, {@code delete}, {@code change} or {@code ""}. */
    public static String of(Guest desired, Guest observed) {
        if (observed == null) {
            return desired == null ? "" : "create";
        }
        if (desired == null) {
            return "delete";
        }
        return differences(observed, desired).isEmpty() ? "" : "change";
    }

    /** @return the fields that differ from the server's version to the desired one. */
    public static List<FieldDiff> differences(Guest observed, Guest desired) {
        return FieldDiff.between(comparable(observed), comparable(desired));
    }

    static Map<String, String> comparable(Guest g) {
        Map<String, String> out = new TreeMap<>();
        g.config().forEach((k, v) -> {
            if (!IGNORED.contains(k) && !k.startsWith("mpc.") && !k.matches("unused\\d+")) {
                out.put(k, k.equals("tags") ? String.join(";", new java.util.TreeSet<>(g.tags())) : v);
            }
        });
        out.put("node", g.node());
        if (!g.pool().isEmpty()) {
            out.put("pool", g.pool());
        }
        if (!g.template()) {
            out.put("status", switch (g.status()) {
                case RUNNING, PAUSED -> "running";
                default -> "stopped";
            });
        }
        return out;
    }
}
