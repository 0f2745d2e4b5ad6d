package dev.proxmoxmpc.plugin.resources.command;

import dev.proxmoxmpc.spi.command.CommandException;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import dev.proxmoxmpc.spi.provider.ApiData;
import dev.proxmoxmpc.spi.provider.ProviderException;
import dev.proxmoxmpc.spi.provider.ProviderSession;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A storage's use and capacity on one node, as {@code GET /cluster/resources?type=storage} reports it (PVE's
 * {@code disk} and {@code maxdisk}, bytes; {@code status} {@code available}, or {@code unknown} on a node that is
 * down).
 */
public record StorageUsage(String node, long used, long total, String status) {

    /** @return the share in use, 0..100, or -1 when the capacity is not known */
    public int percent() {
        return total <= 0 ? -1 : (int) Math.round(100.0 * used / total);
    }

    /** The answer of one read: use per storage id, or why there is none. */
    record Read(Map<String, List<StorageUsage>> byStorage, String note) {
        static Read notAsked() {
            return new Read(Map.of(), "use and capacity not asked (--offline)");
        }

        List<StorageUsage> of(String storage) {
            return byStorage.getOrDefault(storage, List.of());
        }
    }

    /** Reads every storage's use with one request; a server that cannot be asked gives a note, not a failure. */
    static Read read(KernelContext ctx) {
        try (ProviderSession session = ctx.connect()) {
            return parse(session.read("/cluster/resources", Map.of("type", "storage")));
        } catch (ProviderException | CommandException e) {
            return new Read(Map.of(), "use and capacity not shown: " + e.getMessage());
        }
    }

    static Read parse(ApiData data) {
        Map<String, List<StorageUsage>> out = new TreeMap<>();
        for (Map<String, Object> row : data.rows()) {
            if (!"storage".equals(ApiData.string(row, "type"))) {
                continue;
            }
            String id = ApiData.string(row, "storage");
            out.computeIfAbsent(id, k -> new ArrayList<>()).add(new StorageUsage(ApiData.string(row, "node"),
                    (long) ApiData.number(row, "disk", 0), (long) ApiData.number(row, "maxdisk", 0),
                    ApiData.string(row, "status")));
        }
        out.values().forEach(l -> l.sort(Comparator.comparing(StorageUsage::node)));
        return new Read(out, "");
    }

    /**
     * @return for the table: {@code 12.0G/100G 12%} once for shared storage (every node sees the same), else per node
     *     {@code pve1 12%, pve2 40%}; {@code -} when not known
     */
    static String shown(List<StorageUsage> usage, boolean shared) {
        List<StorageUsage> known = usage.stream().filter(u -> u.total() > 0).toList();
        if (known.isEmpty()) {
            return usage.isEmpty() ? "-" : "unknown";
        }
        if (shared || known.size() == 1) {
            StorageUsage u = known.get(0);
            return (shared ? "" : u.node() + " ") + size(u.used()) + "/" + size(u.total()) + " " + u.percent() + "%";
        }
        List<String> parts = new ArrayList<>();
        for (StorageUsage u : usage) {
            parts.add(u.node() + " " + (u.total() > 0 ? u.percent() + "%" : "unknown"));
        }
        return String.join(", ", parts);
    }

    private static String size(long bytes) {
        String[] units = {"B", "K", "M", "G", "T", "P"};
        double v = bytes;
        int i = 0;
        while (v >= 1024 && i < units.length - 1) {
            v /= 1024;
            i++;
        }
        return i == 0 ? bytes + "B" : String.format(Locale.ROOT, v < 10 ? "%.1f%s" : "%.0f%s", v, units[i]);
    }
}
