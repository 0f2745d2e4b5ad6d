package dev.proxmoxmpc.plugin.simulator.api;

import dev.proxmoxmpc.plugin.simulator.error.ApiException;
import dev.proxmoxmpc.plugin.simulator.http.ApiRequest;
import dev.proxmoxmpc.plugin.simulator.http.Router;
import dev.proxmoxmpc.plugin.simulator.state.Cluster;
import dev.proxmoxmpc.plugin.simulator.state.ConfigText;
import dev.proxmoxmpc.plugin.simulator.state.Guest;
import dev.proxmoxmpc.plugin.simulator.state.Snapshot;
import dev.proxmoxmpc.plugin.simulator.task.TaskRunner;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Snapshots: list (ending with the {@code current} pseudo-entry), create, delete, rollback. */
public final class SnapshotApi {
    private final Cluster cluster;
    private final TaskRunner runner;
    private final String kind;

    public SnapshotApi(Cluster cluster, TaskRunner runner, String kind) {
        this.cluster = cluster;
        this.runner = runner;
        this.kind = kind;
    }

    private String prefix() {
        return kind.equals("qemu") ? "qm" : "vz";
    }

    public void register(Router r) {
        String base = "/nodes/{node}/" + kind + "/{vmid}/snapshot";
        r.get(base, this::list);
        r.post(base, this::create);
        r.delete(base + "/{snapname}", this::delete);
        r.post(base + "/{snapname}/rollback", this::rollback);
    }

    private Object list(ApiRequest req) {
        Guest g = cluster.guest(kind, req.node(), req.vmid());
        List<Object> out = new ArrayList<>();
        for (Snapshot s : g.snapshots.values()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", s.name());
            m.put("description", s.description());
            m.put("snaptime", s.snaptime());
            if (g.qemu()) {
                m.put("vmstate", s.vmstate() ? 1 : 0);
            }
            if (!s.parent().isEmpty()) {
                m.put("parent", s.parent());
            }
            out.add(m);
        }
        Map<String, Object> current = new LinkedHashMap<>();
        current.put("name", "current");
        current.put("description", "You are here!");
        current.put("digest", ConfigText.digest(g));
        current.put("running", g.running() ? 1 : 0);
        if (g.config.containsKey("parent")) {
            current.put("parent", g.config.get("parent"));
        }
        out.add(current);
        return out;
    }

    private Snapshot snapshot(Guest g, String name) {
        Snapshot s = g.snapshots.get(name);
        if (s == null) {
            throw ApiException.failed("snapshot '" + name + "' does not exist");
        }
        return s;
    }

    private Object create(ApiRequest req) {
        Guest g = cluster.guest(kind, req.node(), req.vmid());
        String name = req.required("snapname");
        if (name.equals("current") || g.snapshots.containsKey(name)) {
            throw ApiException.failed("snapshot name '" + name + "' already used");
        }
        Cluster.requireUnlocked(g);
        String description = req.param("description").orElse("");
        boolean vmstate = req.flag("vmstate") && g.running();
        return runner.start(req.principal(), g.node, prefix() + "snapshot", String.valueOf(g.vmid), g, "snapshot", t -> {
            Map<String, String> frozen = new LinkedHashMap<>(g.config);
            frozen.remove("lock");
            frozen.remove("parent");
            String parent = g.config.getOrDefault("parent", "");
            if (!parent.isEmpty()) {
                frozen.put("parent", parent);
            }
            frozen.put("snaptime", String.valueOf(Cluster.now()));
            if (!description.isEmpty()) {
                frozen.put("description", description);
            } else {
                frozen.remove("description");
            }
            g.snapshots.put(name, new Snapshot(name, description, Cluster.now(), vmstate, parent, frozen));
            g.config.put("parent", name);
            return List.of();
        }, null).upid;
    }

    private Object delete(ApiRequest req) {
        Guest g = cluster.guest(kind, req.node(), req.vmid());
        String name = req.required("snapname");
        Snapshot s = snapshot(g, name);
        Cluster.requireUnlocked(g);
        return runner.start(req.principal(), g.node, prefix() + "delsnapshot", String.valueOf(g.vmid), g, "snapshot-delete", t -> {
            g.snapshots.remove(name);
            for (Map.Entry<String, Snapshot> e : g.snapshots.entrySet()) {
                Snapshot child = e.getValue();
                if (child.parent().equals(name)) {
                    Map<String, String> cfg = new LinkedHashMap<>(child.config());
                    if (s.parent().isEmpty()) {
                        cfg.remove("parent");
                    } else {
                        cfg.put("parent", s.parent());
                    }
                    e.setValue(new Snapshot(child.name(), child.description(), child.snaptime(), child.vmstate(), s.parent(), cfg));
                }
            }
            if (name.equals(g.config.get("parent"))) {
                if (s.parent().isEmpty()) {
                    g.config.remove("parent");
                } else {
                    g.config.put("parent", s.parent());
                }
            }
            return List.of();
        }, null).upid;
    }

    private Object rollback(ApiRequest req) {
        Guest g = cluster.guest(kind, req.node(), req.vmid());
        String name = req.required("snapname");
        Snapshot s = snapshot(g, name);
        Cluster.requireUnlocked(g);
        boolean start = req.flag("start");
        return runner.start(req.principal(), g.node, prefix() + "rollback", String.valueOf(g.vmid), g, "rollback", t -> {
            g.config.clear();
            g.config.putAll(s.config());
            g.config.remove("snaptime");
            g.config.put("parent", name);
            g.config.put("lock", "rollback");
            if (s.vmstate() || start) {
                g.status = "running";
                g.startedAt = Cluster.now();
            } else {
                g.status = "stopped";
            }
            return List.of();
        }, null).upid;
    }
}
