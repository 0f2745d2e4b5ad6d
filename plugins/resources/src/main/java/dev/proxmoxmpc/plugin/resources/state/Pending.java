package dev.proxmoxmpc.plugin.resources.state;

import dev.proxmoxmpc.plugin.resources.view.FieldDiff;
import dev.proxmoxmpc.spi.model.Guest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A quick local answer to "does /apply have work for this guest?": desired against observed, ignoring what the
 * server generates, runtime keys, create-only parameters and {@code mpc.*} metadata. /plan has the full answer.
 */
public final class Pending {
    private static final Set<String> IGNORED = Set.of("digest", "meta", "vmgenid", "lock", "parent", "snaptime", "pending",
            "ostemplate", "password", "ssh-public-keys", "storage", "unique", "start");

    private static final Pattern UNUSED = Pattern.compile("unused\\d+");

    private Pending() {}

    /** @return {@code create}, {@code delete}, {@code change} or {@code ""}. */
    public static String of(Guest desired, Guest observed) {
        if (observed == null) {
            return desired == null ? "" : "create";
        }
        if (desired == null) {
            return "delete";
        }
        if (sameInputs(desired, observed)) {
            return ""; // what comparable() reads is the same on both sides: no need to build and compare
        }
        return differences(observed, desired).isEmpty() ? "" : "change";
    }

    /** @return whether everything {@link #comparable} reads (config, node, pool, power state) is equal */
    private static boolean sameInputs(Guest a, Guest b) {
        return a.node().equals(b.node()) && a.pool().equals(b.pool()) && a.config().equals(b.config())
                && (a.template() || powered(a) == powered(b));
    }

    private static boolean powered(Guest g) {
        return switch (g.status()) {
            case RUNNING, PAUSED -> true;
            default -> false;
        };
    }

    /** @return the fields that differ from the server's version to the desired one. */
    public static List<FieldDiff> differences(Guest observed, Guest desired) {
        return FieldDiff.between(comparable(observed), comparable(desired));
    }

    static Map<String, String> comparable(Guest g) {
        Map<String, String> out = new TreeMap<>();
        g.config().forEach((k, v) -> {
            if (!IGNORED.contains(k) && !k.startsWith("mpc.") && !UNUSED.matcher(k).matches()) {
                out.put(k, k.equals("tags") ? String.join(";", new java.util.TreeSet<>(g.tags())) : v);
            }
        });
        out.put("node", g.node());
        if (!g.pool().isEmpty()) {
            out.put("pool", g.pool());
        }
        if (!g.template()) {
            out.put("status", powered(g) ? "running" : "stopped");
        }
        return out;
    }
}
