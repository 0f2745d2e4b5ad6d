package dev.proxmoxmpc.plugin.simulator.api;

import dev.proxmoxmpc.plugin.simulator.error.ApiException;
import dev.proxmoxmpc.plugin.simulator.http.ApiRequest;
import dev.proxmoxmpc.plugin.simulator.http.Router;
import dev.proxmoxmpc.plugin.simulator.state.Cluster;
import dev.proxmoxmpc.plugin.simulator.state.Guest;
import dev.proxmoxmpc.plugin.simulator.state.TaskFailure;
import dev.proxmoxmpc.plugin.simulator.task.TaskRunner;
import java.util.List;

/** {@code status/start|stop|shutdown|reboot} and {@code DELETE /nodes/{node}/qemu|lxc/{vmid}} as tasks. */
public final class PowerApi {
    private final Cluster cluster;
    private final TaskRunner runner;
    private final String kind;

    public PowerApi(Cluster cluster, TaskRunner runner, String kind) {
        this.cluster = cluster;
        this.runner = runner;
        this.kind = kind;
    }

    private String prefix() {
        return kind.equals("qemu") ? "qm" : "vz";
    }

    public void register(Router r) {
        String base = "/nodes/{node}/" + kind + "/{vmid}";
        r.post(base + "/status/start", this::start);
        r.post(base + "/status/stop", req -> power(req, "stop"));
        r.post(base + "/status/shutdown", req -> power(req, "shutdown"));
        r.post(base + "/status/reboot", req -> power(req, "reboot"));
        r.delete(base, this::destroy);
    }

    private Guest guest(ApiRequest req) {
        Guest g = cluster.guest(kind, req.node(), req.vmid());
        if (!req.flag("skiplock")) {
            Cluster.requireUnlocked(g);
        }
        return g;
    }

    private Object start(ApiRequest req) {
        Guest g = guest(req);
        if (g.template()) {
            throw ApiException.failed(kind.equals("qemu") ? "you can't start a vm if it's a template"
                    : "cannot start a template");
        }
        return runner.start(req.principal(), g.node, prefix() + "start", String.valueOf(g.vmid), null, null, t -> {
            if (g.running()) {
                throw new TaskFailure(g.label() + " " + g.vmid + " already running");
            }
            g.status = "running";
            g.startedAt = Cluster.now();
            return g.config.keySet().stream().anyMatch(k -> g.config.get(k).contains("cloudinit"))
                    ? List.of("generating cloud-init ISO") : List.of();
        }, null).upid;
    }

    private Object power(ApiRequest req, String action) {
        Guest g = guest(req);
        return runner.start(req.principal(), g.node, prefix() + action, String.valueOf(g.vmid), null, null, t -> {
            if (!g.running() && !action.equals("stop")) {
                throw new TaskFailure(g.label() + " " + g.vmid + " not running");
            }
            if (action.equals("reboot")) {
                g.startedAt = Cluster.now();
            } else {
                g.status = "stopped";
            }
            return List.of();
        }, null).upid;
    }

    private Object destroy(ApiRequest req) {
        Guest g = guest(req);
        if (g.running()) {
            throw ApiException.failed(g.label() + " " + g.vmid + " is running - destroy failed");
        }
        return runner.start(req.principal(), g.node, prefix() + "destroy", String.valueOf(g.vmid), null, null, t -> {
            if (cluster.guests.get(g.vmid) == g) {
                cluster.guests.remove(g.vmid);
                cluster.volumesOf(g.vmid).forEach(v -> cluster.volumes.remove(v.volid));
                cluster.removeFromPools(g.vmid);
            }
            return req.flag("purge") ? List.of("purging guest " + g.vmid + " from backup and replication jobs") : List.of();
        }, null).upid;
    }
}
