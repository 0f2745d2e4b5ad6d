package dev.proxmoxmpc.plugin.simulator.api;

import dev.proxmoxmpc.plugin.simulator.error.ApiException;
import dev.proxmoxmpc.plugin.simulator.http.ApiRequest;
import dev.proxmoxmpc.plugin.simulator.http.Router;
import dev.proxmoxmpc.plugin.simulator.state.Cluster;
import dev.proxmoxmpc.plugin.simulator.state.ConfigText;
import dev.proxmoxmpc.plugin.simulator.state.Guest;
import dev.proxmoxmpc.plugin.simulator.state.StorageDef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Storage replication jobs ({@code /etc/pve/replication.cfg}, pve-manager {@code PVE::API2::ReplicationConfig}): list
 * (only jobs of guests the caller may audit), read, create, update ({@code digest}, {@code delete}) and delete. A job
 * id is {@code <guest>-<jobnum>}; its section keeps {@code guest}, {@code jobnum}, {@code type: local}, the
 * {@code target} and the {@code source} node the create found the guest on. A create checks as PVE does: the guest
 * and the target exist, the source matches, source and target differ, and the guest has volumes that can be
 * replicated, which on PVE means local ZFS ({@code zfspool}): a volume on any other unshared storage is refused with
 * {@code missing replicate feature on volume '...'}. A delete marks the job {@code remove_job: full} ({@code local}
 * with {@code keep}); PVE's replication runner removes it at its next run, which the simulator does a few seconds
 * later; {@code force} removes it at once.
 */
public final class ReplicationApi {
    private static final Pattern ID = Pattern.compile("([1-9][0-9]{2,8})-(\\d{1,9})");
    private static final Pattern DISK = Pattern.compile("(ide|sata|scsi|virtio)\\d+|efidisk0|tpmstate0|rootfs|mp\\d+");
    private static final Set<String> OPTIONS = Set.of("target", "schedule", "rate", "comment", "disable", "remove_job", "source");
    private static final String LOCK = "error with cfs lock 'file-replication_cfg': ";
    private static final long RUNNER_SECONDS = 5;

    private final Cluster cluster;
    private final Map<String, Map<String, Object>> jobs = new TreeMap<>();
    private final Map<String, Long> removing = new TreeMap<>();

    public ReplicationApi(Cluster cluster, List<Map<String, Object>> seed) {
        this.cluster = cluster;
        for (Map<String, Object> job : seed) {
            Map<String, String> p = new LinkedHashMap<>();
            job.forEach((k, v) -> p.put(k, v instanceof Boolean b ? (b ? "1" : "0") : String.valueOf(v)));
            try {
                create(p);
            } catch (ApiException e) {
                throw new IllegalArgumentException("replication job " + p.getOrDefault("id", "?") + ": " + e.getMessage().trim());
            }
        }
    }

    public void register(Router r) {
        r.get("/cluster/replication", this::list);
        r.post("/cluster/replication", req -> create(req.params()));
        r.get("/cluster/replication/{id}", this::read);
        r.put("/cluster/replication/{id}", this::update);
        r.delete("/cluster/replication/{id}", this::delete);
    }

    private void runRunner() {
        long now = Cluster.now();
        removing.entrySet().removeIf(e -> {
            if (now - e.getValue() >= RUNNER_SECONDS) {
                jobs.remove(e.getKey());
                return true;
            }
            return false;
        });
    }

    private String digest() {
        StringBuilder sb = new StringBuilder();
        jobs.forEach((id, j) -> {
            sb.append("local: ").append(id).append('\n');
            j.forEach((k, v) -> {
                if (OPTIONS.contains(k)) {
                    sb.append('\t').append(k).append(' ').append(v).append('\n');
                }
            });
            sb.append('\n');
        });
        return ConfigText.sha1(sb.toString());
    }

    private Object list(ApiRequest req) {
        runRunner();
        List<Object> out = new ArrayList<>();
        if (req.principal().has("VM.Audit")) {
            jobs.values().forEach(j -> out.add(new LinkedHashMap<>(j)));
        }
        return out;
    }

    private Object read(ApiRequest req) {
        runRunner();
        Map<String, Object> j = jobs.get(req.required("id"));
        if (j == null) {
            throw ApiException.failed("no such replication job '" + req.required("id") + "'");
        }
        if (!req.principal().has("VM.Audit")) {
            throw ApiException.forbidden("Permission check failed");
        }
        Map<String, Object> out = new LinkedHashMap<>(j);
        out.put("digest", digest());
        return out;
    }

    private Object create(Map<String, String> p) {
        String id = p.getOrDefault("id", "");
        Matcher m = ID.matcher(id);
        if (!m.matches()) {
            throw ApiException.parameter("id", "invalid format - replication job id '" + id + "' is not valid");
        }
        int guest = Integer.parseInt(m.group(1));
        Guest g = cluster.guests.get(guest);
        if (g == null) {
            throw ApiException.failed("Guest '" + guest + "' does not exist.");
        }
        String target = p.getOrDefault("target", "");
        if (!cluster.nodes.containsKey(target)) {
            throw ApiException.failed("Target '" + target + "' does not exist.");
        }
        String source = p.getOrDefault("source", g.node);
        if (!source.equals(g.node)) {
            throw ApiException.failed("Source '" + source + "' does not match current node of guest '" + guest + "' (" + g.node + ")");
        }
        if (target.equals(source)) {
            throw ApiException.failed("Source and target must not be identical");
        }
        replicatable(g);
        runRunner();
        if (jobs.containsKey(id)) {
            throw ApiException.failed(LOCK + "replication job '" + id + "' already exists");
        }
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("id", id);
        j.put("type", "local");
        j.put("guest", guest);
        j.put("jobnum", Integer.parseInt(m.group(2)));
        j.put("target", target);
        for (String k : List.of("schedule", "rate", "comment", "disable", "remove_job")) {
            if (p.containsKey(k)) {
                j.put(k, typed(k, p.get(k)));
            }
        }
        j.put("source", source);
        jobs.put(id, j);
        return null;
    }

    /** {@code get_replicatable_volumes} without {@code noerr}: every local disk of the guest must be on ZFS. */
    private void replicatable(Guest g) {
        int found = 0;
        for (Map.Entry<String, String> e : new TreeMap<>(g.config).entrySet()) {
            if (!DISK.matcher(e.getKey()).matches() || e.getValue().contains("media=cdrom")) {
                continue;
            }
            String volid = e.getValue().split(",")[0];
            int colon = volid.indexOf(':');
            if (colon < 0) {
                continue;
            }
            StorageDef s = cluster.storages.get(volid.substring(0, colon));
            if (s == null || s.shared || !volid.contains("-" + g.vmid + "-")) {
                continue;
            }
            if (!s.type.equals("zfspool")) {
                throw ApiException.failed("missing replicate feature on volume '" + volid + "'");
            }
            found++;
        }
        if (found == 0) {
            throw ApiException.failed("No replicatable volumes found");
        }
    }

    private Object update(ApiRequest req) {
        String id = req.required("id");
        String digest = req.param("digest").orElse("");
        runRunner();
        if (!digest.isEmpty() && !digest.equals(digest())) {
            throw ApiException.failed(LOCK + "detected modified configuration - file changed by other user? Try again.");
        }
        Map<String, Object> j = jobs.get(id);
        if (j == null) {
            throw ApiException.failed(LOCK + "no such job '" + id + "'");
        }
        for (String k : List.of("schedule", "rate", "comment", "disable", "remove_job", "source")) {
            req.param(k).ifPresent(v -> j.put(k, typed(k, v)));
        }
        for (String k : req.param("delete").orElse("").split("[,;\\s]+")) {
            if (k.isEmpty()) {
                continue;
            }
            if (!OPTIONS.contains(k)) {
                throw ApiException.failed(LOCK + "no such option '" + k + "'");
            }
            if (k.equals("target")) {
                throw ApiException.failed(LOCK + "unable to delete required option '" + k + "'");
            }
            j.remove(k);
        }
        return null;
    }

    private Object delete(ApiRequest req) {
        String id = req.required("id");
        runRunner();
        if (req.flag("force")) {
            if (req.flag("keep")) {
                throw ApiException.parameter("keep", "conflicts with parameter 'force'");
            }
            jobs.remove(id);
            removing.remove(id);
            return null;
        }
        Map<String, Object> j = jobs.get(id);
        if (j == null) {
            throw ApiException.failed(LOCK + "no such job '" + id + "'");
        }
        j.put("remove_job", req.flag("keep") ? "local" : "full");
        removing.putIfAbsent(id, Cluster.now());
        return null;
    }

    private static Object typed(String key, String value) {
        if (key.equals("disable")) {
            return Integer.parseInt(value);
        }
        if (key.equals("rate")) {
            try {
                return new java.math.BigDecimal(value);
            } catch (NumberFormatException e) {
                return value;
            }
        }
        return value;
    }
}
