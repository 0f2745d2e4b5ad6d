package dev.proxmoxmpc.plugin.simulator.api;

import dev.proxmoxmpc.plugin.simulator.error.ApiException;
import dev.proxmoxmpc.plugin.simulator.http.ApiRequest;
import dev.proxmoxmpc.plugin.simulator.http.Router;
import dev.proxmoxmpc.plugin.simulator.state.Cluster;
import dev.proxmoxmpc.plugin.simulator.state.Guest;
import dev.proxmoxmpc.plugin.simulator.state.Pool;
import dev.proxmoxmpc.plugin.simulator.state.StorageDef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code /pools}: list (with members when {@code poolid} is given), create, read. */
public final class PoolApi {
    private final Cluster cluster;

    public PoolApi(Cluster cluster) {
        this.cluster = cluster;
    }

    public void register(Router r) {
        r.get("/pools", this::list);
        r.post("/pools", this::create);
        r.get("/pools/{poolid}", req -> {
            Map<String, Object> m = entry(pool(req.required("poolid")), true);
            m.remove("poolid");
            return m;
        });
    }

    private Pool pool(String id) {
        Pool p = cluster.pools.get(id);
        if (p == null) {
            throw ApiException.failed("pool '" + id + "' does not exist");
        }
        return p;
    }

    private Object list(ApiRequest req) {
        List<Object> out = new ArrayList<>();
        if (!req.principal().has("Pool.Audit")) {
            return out;
        }
        if (req.param("poolid").isPresent()) {
            out.add(entry(pool(req.param("poolid").get()), true));
            return out;
        }
        cluster.pools.values().forEach(p -> out.add(entry(p, false)));
        return out;
    }

    private Map<String, Object> entry(Pool p, boolean members) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("poolid", p.id);
        if (p.comment != null && !p.comment.isEmpty()) {
            m.put("comment", p.comment);
        }
        if (members) {
            List<Object> list = new ArrayList<>();
            for (int vmid : p.vmids) {
                Guest g = cluster.guests.get(vmid);
                if (g != null) {
                    Map<String, Object> e = new LinkedHashMap<>();
                    e.put("id", g.kind + "/" + g.vmid);
                    e.put("type", g.kind);
                    e.put("vmid", g.vmid);
                    e.put("node", g.node);
                    e.put("name", g.name());
                    e.put("status", g.status);
                    e.put("template", g.template() ? 1 : 0);
                    list.add(e);
                }
            }
            for (String sid : p.storages) {
                StorageDef s = cluster.storages.get(sid);
                if (s != null) {
                    cluster.nodes.keySet().stream().filter(s::availableOn).forEach(n ->
                            list.add(Map.of("id", "storage/" + n + "/" + sid, "type", "storage", "storage", sid, "node", n)));
                }
            }
            m.put("members", list);
        }
        return m;
    }

    private Object create(ApiRequest req) {
        String id = req.required("poolid");
        if (cluster.pools.containsKey(id)) {
            throw ApiException.failed("create failed - pool '" + id + "' already exists");
        }
        cluster.pools.put(id, new Pool(id, req.param("comment").orElse("")));
        return null;
    }
}
