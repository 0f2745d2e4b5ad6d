package dev.proxmoxmpc.plugin.proxmox.objects;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proxmoxmpc.plugin.proxmox.http.Json;
import dev.proxmoxmpc.spi.model.ClusterObject;
import dev.proxmoxmpc.spi.provider.Change;
import dev.proxmoxmpc.spi.provider.ProviderException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
                Map<String, String> config = new LinkedHashMap<>(Json.strings(job));
                COMPUTED.forEach(config::remove);
                out.add(new ClusterObject(KIND, "", Json.string(job, "id"), config));
            }
            return out;
        }));
    }

    @Override
    public void write(ObjectWrites w, Change c) {
        String id = c.target().objectId();
        String what = c.action().name().toLowerCase(java.util.Locale.ROOT) + " " + c.target();
        Map<String, String> p = new LinkedHashMap<>();
        p.put("id", id);
        switch (c.action()) {
            case CREATE -> {
                p.putAll(c.settings());
                w.write(what, "POST", "/cluster/backup", p);
            }
            case UPDATE -> {
                p.putAll(c.settings());
                if (!c.deletions().isEmpty()) {
                    p.put("delete", String.join(",", c.deletions()));
                }
                w.write(what, "PUT", "/cluster/backup/{id}", p);
            }
            case DELETE -> w.write(what, "DELETE", "/cluster/backup/{id}", p);
            default -> throw new ProviderException(ProviderException.Kind.INVALID, c.action() + " is not supported for " + KIND);
        }
    }
}
