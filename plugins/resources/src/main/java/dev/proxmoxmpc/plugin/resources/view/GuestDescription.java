package dev.proxmoxmpc.plugin.resources.view;

import dev.proxmoxmpc.spi.console.Console;
import dev.proxmoxmpc.spi.console.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The result of {@code describe vm|container}.
 *
 * @param kind          {@code vm} or {@code container}
 * @param vmid          the VMID
 * @param name          name or hostname
 * @param node          the desired node (the server's when only there)
 * @param pool          the pool or {@code ""}
 * @param desiredStatus {@code running}, {@code stopped}, {@code template}, or {@code -} when it is to be deleted
 * @param serverStatus  the server's state at the last sync, or {@code -} when not there yet
 * @param pending       {@code create}, {@code change}, {@code delete} or {@code ""}
 * @param config        the desired config (the server's when only there)
 * @param differences   server value to desired value, field by field
 * @param ipAddresses   addresses the server reported
 * @param uptimeSeconds uptime at the last sync
 * @param lock          the server's config lock or {@code ""}
 * @param freshness     how old the server's picture is
 */
public record GuestDescription(String kind, int vmid, String name, String node, String pool, String desiredStatus,
                               String serverStatus, String pending, Map<String, String> config, List<FieldDiff> differences,
                               List<String> ipAddresses, long uptimeSeconds, String lock, String freshness) {
    public GuestDescription {
        config = Map.copyOf(config);
        differences = List.copyOf(differences);
        ipAddresses = List.copyOf(ipAddresses);
    }

    /** The widest value the table shows, so the server column stays on an 80-column terminal's first screen. */
    static final int MAX_VALUE = 48;
    static final String ELLIPSIS = "...";

    /** @return {@code v}, cut to {@link #MAX_VALUE} characters with an ellipsis when longer */
    static String fit(String v) {
        return v.length() <= MAX_VALUE ? v : v.substring(0, MAX_VALUE - ELLIPSIS.length()) + ELLIPSIS;
    }

    public void render(Console out, boolean json) {
        if (json) {
            out.json(this);
            return;
        }
        out.println(kind + " " + vmid + " " + name + " on " + node + (pool.isEmpty() ? "" : ", pool " + pool));
        out.println("  desired: " + desiredStatus + "   server: " + serverStatus + (lock.isEmpty() ? "" : " (locked: " + lock + ")")
                + (uptimeSeconds > 0 ? "   up " + uptimeSeconds / 3600 + "h" + (uptimeSeconds % 3600) / 60 + "m" : "")
                + (ipAddresses.isEmpty() ? "" : "   ip " + String.join(", ", ipAddresses)));
        List<List<String>> rows = new ArrayList<>();
        new java.util.TreeMap<>(config).forEach((k, v) -> {
            String server = differences.stream().filter(d -> d.field().equals(k)).map(d -> d.before().isEmpty() ? "(absent)" : d.before())
                    .findFirst().orElse("");
            rows.add(List.of(k, fit(v), fit(server)));
        });
        differences.stream().filter(d -> d.after().isEmpty() && !config.containsKey(d.field()))
                .forEach(d -> rows.add(List.of(d.field(), "(absent)", fit(d.before()))));
        out.table(new Table(List.of("KEY", "DESIRED", "SERVER (when different)"), rows));
        if (rows.stream().anyMatch(r -> r.get(1).endsWith(ELLIPSIS) || r.get(2).endsWith(ELLIPSIS))) {
            out.info("Values longer than " + MAX_VALUE + " characters are cut (" + ELLIPSIS + "); --json shows them whole.");
        }
        out.info((pending.isEmpty() ? "in step with the server" : "pending: " + pending + " (/plan shows the changes)") + "; " + freshness);
    }
}
