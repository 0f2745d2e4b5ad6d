package dev.proxmoxmpc.plugin.simulator.api;

import dev.proxmoxmpc.plugin.simulator.error.ApiException;
import dev.proxmoxmpc.plugin.simulator.http.ApiRequest;
import dev.proxmoxmpc.plugin.simulator.schema.ApiSchema;
import dev.proxmoxmpc.plugin.simulator.http.Router;
import dev.proxmoxmpc.plugin.simulator.state.Cluster;
import dev.proxmoxmpc.plugin.simulator.state.Guest;
import dev.proxmoxmpc.plugin.simulator.state.Pool;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Scheduled backup jobs (PVE's {@code /etc/pve/jobs.cfg}, type {@code vzdump}): {@code GET /cluster/backup},
 * {@code GET /cluster/backup/{id}} and {@code GET /cluster/backup-info/not-backed-up}, seeded from the scenario's
 * {@code backupJobs}. Shapes from the PVE 9.2 schema ({@code apidata.json}): a job lists its jobs.cfg keys with
 * {@code id}, {@code type: vzdump}, {@code enabled} as 0/1 and the computed {@code next-run}; not-backed-up lists
 * {@code {vmid, type: qemu|lxc, name}} of every guest no job includes (by {@code vmid}, {@code pool}, or {@code all}
 * minus {@code exclude}, limited to {@code node} when set), enabled or not, as PVE counts them. Reads need
 * {@code Sys.Audit} on {@code /}. Jobs are created ({@code POST}), changed ({@code PUT} with {@code delete}) and
 * removed ({@code DELETE}) as pve-manager's {@code PVE::API2::Backup} does, with {@code Sys.Modify} on {@code /}.
 */
public final class BackupJobApi {
    private final Cluster cluster;
    private final Map<String, Map<String, Object>> jobs = new LinkedHashMap<>();

    public BackupJobApi(Cluster cluster, List<Map<String, Object>> seed) {
        this.cluster = cluster;
        for (Map<String, Object> job : seed) {
            Object id = job.get("id");
            if (id == null || String.valueOf(id).isBlank()) {
                throw new IllegalArgumentException("a backup job needs an id");
            }
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("id", String.valueOf(id));
            j.put("type", "vzdump");
            j.put("enabled", 1);
            job.forEach((k, v) -> {
                if (!k.equals("id")) {
                    j.put(k, v instanceof Boolean b ? (b ? 1 : 0) : v);
                }
            });
            jobs.put(String.valueOf(id), j);
        }
    }

    public void register(Router r) {
        r.get("/cluster/backup", this::list);
        r.get("/cluster/backup/{id}", this::one);
        r.post("/cluster/backup", this::create);
        r.put("/cluster/backup/{id}", this::update);
        r.delete("/cluster/backup/{id}", this::delete);
        r.get("/cluster/backup-info/not-backed-up", this::notBackedUp);
    }

    private Object list(ApiRequest req) {
        audit(req);
        List<Object> out = new ArrayList<>();
        jobs.values().forEach(j -> out.add(withNextRun(j)));
        return out;
    }

    private Object one(ApiRequest req) {
        audit(req);
        Map<String, Object> j = jobs.get(req.required("id"));
        if (j == null) {
            throw ApiException.failed("job '" + req.required("id") + "' does not exist");
        }
        return j;
    }

    /**
     * {@code create_job}: the id given or {@code backup-} and 13 characters of a UUID; {@code starttime} and
     * {@code dow} become the {@code schedule} ({@code mon,fri 02:30}); {@code enabled} defaults to 1.
     */
    private Object create(ApiRequest req) {
        Map<String, Object> job = new LinkedHashMap<>();
        String id = req.param("id").orElseGet(() -> "backup-" + uuid().substring(0, 13));
        if (jobs.containsKey(id)) {
            throw ApiException.failed("Job ID '" + id + "' already exists");
        }
        job.put("id", id);
        job.put("type", "vzdump");
        req.params().forEach((k, v) -> {
            if (!k.equals("id") && !k.equals("starttime") && !k.equals("dow")) {
                job.put(k, v);
            }
        });
        req.param("starttime").ifPresent(t -> job.putIfAbsent("schedule", req.param("dow").map(d -> d + " ").orElse("") + t));
        if (!job.containsKey("schedule")) {
            throw ApiException.parameter("schedule", "property is missing and it is not optional");
        }
        job.putIfAbsent("enabled", "1");
        verify(job);
        jobs.put(id, job);
        return null;
    }

    /** {@code update_job}: options replace, {@code delete} removes; choosing vmid, all or pool drops the others. */
    private Object update(ApiRequest req) {
        String id = req.required("id");
        Map<String, Object> had = jobs.get(id);
        if (had == null) {
            throw ApiException.failed("no such vzdump job");
        }
        Map<String, Object> job = new LinkedHashMap<>(had);
        for (String k : req.param("delete").orElse("").split("[,;\\s]+")) {
            if (k.isEmpty()) {
                continue;
            }
            if (k.equals("id") || k.equals("delete") || ApiSchema.bundled().require("PUT", "/cluster/backup/{id}").parameter(k).isEmpty()) {
                throw ApiException.parameter("delete", "unknown option '" + k + "'");
            }
            job.remove(k);
        }
        req.params().forEach((k, v) -> {
            if (!k.equals("id") && !k.equals("delete") && !k.equals("starttime") && !k.equals("dow")) {
                job.put(k, v);
            }
        });
        req.param("starttime").ifPresent(t -> job.put("schedule", req.param("dow").map(d -> d + " ").orElse("") + t));
        if (req.params().containsKey("vmid")) {
            job.remove("all");
            job.remove("exclude");
            job.remove("pool");
        } else if (truthy(req.params().get("all"))) {
            job.remove("vmid");
            job.remove("pool");
        } else if (req.params().containsKey("pool")) {
            job.remove("vmid");
            job.remove("all");
            job.remove("exclude");
        }
        verify(job);
        jobs.put(id, job);
        return null;
    }

    private Object delete(ApiRequest req) {
        String id = req.required("id");
        if (jobs.remove(id) == null) {
            throw ApiException.failed("job '" + id + "' not found");
        }
        return null;
    }

    /** {@code verify_vzdump_parameters} with the check for a missing guest selection. */
    private static void verify(Map<String, Object> job) {
        boolean vmid = job.containsKey("vmid");
        for (String k : List.of("all", "exclude", "pool")) {
            if (vmid && job.containsKey(k) && (!k.equals("all") || truthy(job.get(k)))) {
                throw ApiException.parameter(k, "option conflicts with option 'vmid'");
            }
        }
        if (job.containsKey("exclude") && !job.containsKey("pool")) {
            job.put("all", "1");
        }
        if (!truthy(job.get("all")) && !truthy(job.get("stop")) && !job.containsKey("pool") && !vmid) {
            throw ApiException.parameter("vmid", "property is missing");
        }
    }

    private String uuid() {
        byte[] b = new byte[16];
        cluster.random.nextBytes(b);
        return java.util.UUID.nameUUIDFromBytes(b).toString();
    }

    private Object notBackedUp(ApiRequest req) {
        audit(req);
        Set<Integer> included = new TreeSet<>();
        for (Map<String, Object> j : jobs.values()) {
            included.addAll(included(j));
        }
        List<Object> out = new ArrayList<>();
        for (Guest g : cluster.guests.values()) {
            if (!included.contains(g.vmid)) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", g.name());
                m.put("type", g.kind);
                m.put("vmid", g.vmid);
                out.add(m);
            }
        }
        return out;
    }

    private Set<Integer> included(Map<String, Object> job) {
        Set<Integer> out = new TreeSet<>();
        String node = String.valueOf(job.getOrDefault("node", ""));
        if (truthy(job.get("all"))) {
            Set<Integer> exclude = ids(job.get("exclude"));
            cluster.guests.values().stream().filter(g -> node.isEmpty() || g.node.equals(node))
                    .filter(g -> !exclude.contains(g.vmid)).forEach(g -> out.add(g.vmid));
        }
        out.addAll(ids(job.get("vmid")));
        Object pool = job.get("pool");
        if (pool != null) {
            Pool p = cluster.pools.get(String.valueOf(pool));
            if (p != null) {
                out.addAll(p.vmids);
            }
        }
        return out;
    }

    private static Map<String, Object> withNextRun(Map<String, Object> job) {
        Map<String, Object> m = new LinkedHashMap<>(job);
        if (truthy(job.get("enabled"))) {
            m.put("next-run", (Cluster.now() / 86_400 + 1) * 86_400 + 21 * 3_600);
        }
        return m;
    }

    private static Set<Integer> ids(Object list) {
        Set<Integer> out = new TreeSet<>();
        if (list == null) {
            return out;
        }
        Arrays.stream(String.valueOf(list).split("[,;\\s]+")).filter(s -> s.matches("\\d+")).forEach(s -> out.add(Integer.parseInt(s)));
        return out;
    }

    private static boolean truthy(Object v) {
        return v != null && (v.equals(1) || v.equals(Boolean.TRUE) || String.valueOf(v).equals("1") || String.valueOf(v).equals("true"));
    }

    private static void audit(ApiRequest req) {
        if (!req.principal().has("Sys.Audit")) {
            throw ApiException.forbidden("Permission check failed (/, Sys.Audit)");
        }
    }
}
