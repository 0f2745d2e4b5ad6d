package dev.proxmoxmpc.plugin.simulator.api;

import dev.proxmoxmpc.plugin.simulator.auth.Principal;
import dev.proxmoxmpc.plugin.simulator.guest.GuestViews;
import dev.proxmoxmpc.plugin.simulator.error.ApiException;
import dev.proxmoxmpc.plugin.simulator.http.ApiRequest;
import dev.proxmoxmpc.plugin.simulator.http.Router;
import dev.proxmoxmpc.plugin.simulator.state.Cluster;
import dev.proxmoxmpc.plugin.simulator.state.Guest;
import dev.proxmoxmpc.plugin.simulator.state.NodeState;
import dev.proxmoxmpc.plugin.simulator.state.StorageDef;
import dev.proxmoxmpc.plugin.simulator.state.Task;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code /version}, {@code /cluster/status}, {@code /cluster/resources}, {@code /cluster/nextid}, {@code /cluster/tasks}. */
public final class ClusterApi {
    private final Cluster cluster;

    public ClusterApi(Cluster cluster) {
        this.cluster = cluster;
    }

    public void register(Router r) {
        r.get("/version", req -> Map.of("version", "9.2.4", "release", "9.2", "repoid", "5e5ae681198514d4"));
        r.get("/cluster/status", this::status);
        r.get("/cluster/resources", this::resources);
        r.get("/cluster/nextid", this::nextid);
        r.get("/cluster/tasks", this::tasks);
    }

    private Object status(ApiRequest req) {
        List<Object> out = new ArrayList<>();
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("type", "cluster");
        c.put("id", "cluster");
        c.put("name", cluster.name);
        c.put("nodes", cluster.nodes.size());
        c.put("quorate", 1);
        c.put("version", cluster.nodes.size() + 1);
        out.add(c);
        boolean first = true;
        for (NodeState n : cluster.nodes.values()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("type", "node");
            m.put("id", "node/" + n.name);
            m.put("name", n.name);
            m.put("nodeid", n.nodeid);
            m.put("ip", n.ip);
            m.put("online", n.online ? 1 : 0);
            m.put("local", first && n.online ? 1 : 0); // the node answering is one that is up
            m.put("level", "");
            out.add(m);
            first = first && !n.online;
        }
        return out;
    }

    private Object resources(ApiRequest req) {
        String type = req.param("type").orElse("");
        Principal who = req.principal();
        List<Object> out = new ArrayList<>();
        if ((type.isEmpty() || type.equals("vm")) && who.has("VM.Audit")) {
            for (Guest g : cluster.guests.values()) {
                out.add(GuestViews.resource(cluster, g));
            }
        }
        if ((type.isEmpty() || type.equals("node")) && who.has("Sys.Audit")) {
            cluster.nodes.values().forEach(n -> out.add(NodeViews.resource(cluster, n)));
        }
        if ((type.isEmpty() || type.equals("storage")) && who.has("Datastore.Audit")) {
            for (StorageDef s : cluster.storages.values()) {
                for (NodeState n : cluster.nodes.values()) {
                    if (s.availableOn(n.name)) {
                        out.add(NodeViews.storageResource(cluster, s, n));
                    }
                }
            }
        }
        if (type.isEmpty() && who.has("Pool.Audit")) {
            cluster.pools.values().forEach(p -> out.add(Map.of("id", "/pool/" + p.id, "type", "pool", "pool", p.id)));
        }
        if (type.isEmpty() && who.has("SDN.Audit")) {
            for (NodeState n : cluster.nodes.values()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", "network/" + n.name + "/zone/localnetwork");
                m.put("type", "network");
                m.put("network", "localnetwork");
                m.put("network-type", "zone");
                m.put("node", n.name);
                m.put("status", "ok");
                out.add(m);
            }
        }
        return out;
    }

    private Object nextid(ApiRequest req) {
        if (req.param("vmid").isPresent()) {
            int vmid = req.vmid();
            if (cluster.guests.containsKey(vmid)) {
                throw ApiException.parameter("vmid", "VM " + vmid + " already exists");
            }
            return vmid;
        }
        for (int id = 100; ; id++) {
            if (!cluster.guests.containsKey(id)) {
                return id;
            }
        }
    }

    private Object tasks(ApiRequest req) {
        List<Object> out = new ArrayList<>();
        List<Task> all = new ArrayList<>(cluster.tasks.values());
        for (int i = all.size() - 1; i >= 0; i--) {
            Task t = all.get(i);
            if (req.principal().has("Sys.Audit") || t.userid.equals(req.principal().userid())) {
                out.add(TaskViews.row(t));
            }
        }
        return out;
    }
}
