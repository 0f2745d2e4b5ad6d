package dev.proxmoxmpc.plugin.proxmox.objects;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proxmoxmpc.plugin.proxmox.http.Json;
import dev.proxmoxmpc.spi.model.ClusterObject;
import dev.proxmoxmpc.spi.provider.Change;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

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
        return List.of(ObjectRead.cluster(() -> {
            List<ClusterObject> out = new ArrayList<>();
            for (JsonNode job : ctx.get("/cluster/backup")) {
                Map<String, String> config = new TreeMap<>(Json.strings(job));
                COMPUTED.forEach(config::remove);
                PROPERTY_STRINGS.forEach(k -> config.computeIfPresent(k, (key, v) -> sortedProperties(v)));
                out.add(new ClusterObject(KIND, "", Json.string(job, "id"), config));
            }
            return out;
        }));
    }

    @Override
    public void write(ObjectWrites w, Change c) {
        ObjectWriting.write(w, c, "id", "/cluster/backup", "/cluster/backup/{id}", Map.of());
    }
}
