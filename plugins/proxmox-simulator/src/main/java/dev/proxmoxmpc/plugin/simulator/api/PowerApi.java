package dev.proxmoxmpc.plugin.simulator.api;

import dev.proxmoxmpc.plugin.simulator.error.ApiException;
import dev.proxmoxmpc.plugin.simulator.ha.HaManager;
import dev.proxmoxmpc.plugin.simulator.http.ApiRequest;
import dev.proxmoxmpc.plugin.simulator.http.Router;
import dev.proxmoxmpc.plugin.simulator.state.Cluster;
import dev.proxmoxmpc.plugin.simulator.state.Guest;
import dev.proxmoxmpc.plugin.simulator.state.HaResource;
import dev.proxmoxmpc.plugin.simulator.state.TaskFailure;
import dev.proxmoxmpc.plugin.simulator.task.TaskRunner;
import java.util.List;

/**
 * {@code status/start|stop|shutdown|reboot} and {@code DELETE /nodes/{node}/qemu|lxc/{vmid}} as tasks. Start, stop
 * and shutdown of an HA-managed guest answer the {@link HaManager}'s short {@code hastart}/{@code hastop} hand-off.
 * A VM already in the wanted state fails in its task; a container is checked up front, as pve-container does.
 */
public final class PowerApi {
    private final Cluster cluster;
    private final TaskRunner runner;
    private final HaManager ha;
    private final String kind;

    public PowerApi(Cluster cluster, TaskRunner runner, HaManager ha, String kind) {
        this.cluster = cluster;
        this.runner = runner;
        this.ha = ha;
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

    /** @return the guest's HA resource when the HA stack handles its power calls, else {@code null}. */
    private HaResource managed(Guest g) {
        HaResource r = cluster.haResource(g);
        return r != null && r.managed() ? r : null;
    }

    private Object start(ApiRequest req) {
        Guest g = guest(req);
        if (g.template()) {
            throw ApiException.failed(kind.equals("qemu") ? "you can't start a vm if it's a template"
                    : "cannot start a template");
        }
        if (!g.qemu() && g.running()) {
            throw ApiException.failed("CT " + g.vmid + " already running");
        }
        HaResource r = managed(g);
        if (r != null) {
            return ha.start(req.principal(), g, r);
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
        if (!g.qemu() && !g.running()) {
            throw ApiException.failed("CT " + g.vmid + " not running");
        }
        HaResource r = action.equals("reboot") ? null : managed(g);
        if (r != null) {
            return ha.stop(req.principal(), g, r, action.equals("stop") ? 0 : req.intParam("timeout", 60));
        }
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
        HaResource r = cluster.haResource(g);
        if (r != null && !req.flag("purge")) {
            throw ApiException.failed("unable to remove " + g.label() + " " + g.vmid
                    + " - used in HA resources and purge parameter not set.");
        }
        if (g.running()) {
            throw ApiException.failed(g.label() + " " + g.vmid + " is running - destroy failed");
        }
        return runner.start(req.principal(), g.node, prefix() + "destroy", String.valueOf(g.vmid), null, null, t -> {
            if (cluster.guests.get(g.vmid) == g) {
                cluster.guests.remove(g.vmid);
                cluster.volumesOf(g.vmid).forEach(v -> cluster.volumes.remove(v.volid));
                cluster.removeFromPools(g.vmid);
                if (r != null) {
                    cluster.haResources.remove(r.sid());
                    HaApi.purgeFromRules(cluster, r.sid());
                }
            }
            return req.flag("purge") ? List.of("purging guest " + g.vmid + " from backup and replication jobs") : List.of();
        }, null).upid;
    }
}
