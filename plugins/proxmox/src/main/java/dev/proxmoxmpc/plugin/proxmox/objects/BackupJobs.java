package dev.proxmoxmpc.plugin.proxmox.objects;

import dev.proxmoxmpc.spi.provider.Change;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scheduled backup jobs ({@code /cluster/backup}, PVE's {@code jobs.cfg} vzdump jobs): kind {@code backup-job},
 * cluster-wide, id the job id; config every key the API lists except {@code id}, {@code type} and the computed
 * {@code next-run}. Created with POST (the id given), changed with PUT and {@code delete=} for removed keys.
 */
final class BackupJobs implements ObjectFamily {
    static final String KIND = "backup-job";
    private static final Set<String> COMPUTED = Set.of("id", "type", "next-run");
    /**
     * Property strings whose order PVE keeps as written but which mean the same in any order: read with their keys
     * sorted, so a retention written in another order (by hand, or read back from Terraform's map) is no change.
     */
    private static final Set<String> PROPERTY_STRINGS = Set.of("prune-backups", "fleecing", "performance");

    static String sortedProperties(String v) {
        return String.join(",", java.util.Arrays.stream(v.split(",")).map(String::trim).filter(p -> !p.isEmpty()).sorted().toList());
    }

    @Override
    public String name() {
        return "backup jobs";
    }

    @Override
    public Set<String> kinds() {
        return Set.of(KIND);
    }

    @Override
    public List<ObjectRead> reads(ObjectReads ctx) {
        return List.of(ObjectRead.cluster(() -> ObjectWriting.list(ctx, "/cluster/backup", KIND, "id", COMPUTED, c -> false,
                c -> PROPERTY_STRINGS.forEach(k -> c.computeIfPresent(k, (key, v) -> sortedProperties(v))))));
    }

    @Override
    public void write(ObjectWrites w, Change c) {
        ObjectWriting.write(w, c, "id", "/cluster/backup", "/cluster/backup/{id}", Map.of());
    }
}
