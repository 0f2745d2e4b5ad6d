package dev.proxmoxmpc.plugin.simulator.api;

import dev.proxmoxmpc.plugin.simulator.error.ApiException;
import dev.proxmoxmpc.plugin.simulator.guest.GuestViews;
import dev.proxmoxmpc.plugin.simulator.http.ApiRequest;
import dev.proxmoxmpc.plugin.simulator.http.Router;
import dev.proxmoxmpc.plugin.simulator.state.Cluster;
import dev.proxmoxmpc.plugin.simulator.state.Guest;
import dev.proxmoxmpc.plugin.simulator.state.NodeState;
import dev.proxmoxmpc.plugin.simulator.state.Pool;
import dev.proxmoxmpc.plugin.simulator.state.StorageDef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code /pools}: list (with {@code members} when {@code poolid} is given, filtered by {@code type}), create, read,
 * update and delete, also on the deprecated {@code /pools/{poolid}} paths; membership rules are {@link PoolEdits}'.
 */
public final class PoolApi {
    private final Cluster cluster;
    private final PoolEdits edits;

    public PoolApi(Cluster cluster) {
        this.cluster = cluster;
        this.edits = new PoolEdits(cluster);
    }

    public void register(Router r) {
        r.get("/pools", this::list);
        r.post("/pools", req -> {
            edits.create(req.required("poolid"), req.param("comment").orElse(""));
            return null;
        });
        r.get("/pools/{poolid}", req -> {
            Map<String, Object> m = entry(pool(req.required("poolid")), true, req.param("type").orElse(""));
            m.remove("poolid");
            return m;
        });
        for (String path : new String[] {"/pools", "/pools/{poolid}"}) {
            r.put(path, req -> {
                edits.update(req);
                return null;
            });
            r.delete(path, req -> {
                edits.delete(req.required("poolid"));
                return null;
            });
        }
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
            out.add(entry(pool(req.param("poolid").get()), true, req.param("type").orElse("")));
            return out;
        }
        cluster.pools.values().forEach(p -> out.add(entry(p, false, "")));
        return out;
    }

    private Map<String, Object> entry(Pool p, boolean members, String type) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("poolid", p.id);
        if (p.comment != null && !p.comment.isEmpty()) {
            m.put("comment", p.comment);
        }
        if (members) {
            List<Object> list = new ArrayList<>();
            for (int vmid : p.vmids) {
                Guest g = cluster.guests.get(vmid);
                if (g != null && (type.isEmpty() || type.equals(g.kind))) {
                    list.add(guestMember(g));
                }
            }
            if (type.isEmpty() || type.equals("storage")) {
                p.storages.stream().map(cluster.storages::get).filter(Objects::nonNull)
                        .forEach(s -> list.add(NodeViews.storageResource(cluster, s, storageNode(s))));
            }
            m.put("members", list);
        }
        return m;
    }

    /** @return a guest member: its {@code /cluster/resources} row (PVE builds both with {@code extract_vm_stats}). */
    private Map<String, Object> guestMember(Guest g) {
        Map<String, Object> e = GuestViews.resource(cluster, g);
        e.remove("pool");
        return e;
    }

    /** @return the node a storage member is reported for: the answering (first) node, else the first it is on. */
    private NodeState storageNode(StorageDef s) {
        NodeState local = cluster.nodes.values().iterator().next();
        if (s.availableOn(local.name)) {
            return local;
        }
        return cluster.nodes.values().stream().filter(n -> s.availableOn(n.name)).sorted(
                Comparator.comparing(n -> n.name)).findFirst().orElse(local);
    }
}
