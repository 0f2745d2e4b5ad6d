package dev.proxmoxmpc.plugin.simulator.api;

import dev.proxmoxmpc.plugin.simulator.error.ApiException;
import dev.proxmoxmpc.plugin.simulator.http.ApiRequest;
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
 * minus {@code exclude}, limited to {@code node} when set), enabled or not, as PVE counts them. Both need
 * {@code Sys.Audit} on {@code /} (checked here: the endpoints are not in the bundled schema subset).
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
