package dev.proxmoxmpc.plugin.simulator.ha;

import dev.proxmoxmpc.plugin.simulator.auth.Principal;
import dev.proxmoxmpc.plugin.simulator.state.Cluster;
import dev.proxmoxmpc.plugin.simulator.state.Guest;
import dev.proxmoxmpc.plugin.simulator.state.HaResource;
import dev.proxmoxmpc.plugin.simulator.state.TaskFailure;
import dev.proxmoxmpc.plugin.simulator.task.TaskRunner;
import java.util.List;
import java.util.Set;

/**
 * The HA stack of the simulated cluster. The API's start, stop and shutdown of an HA-managed guest only hand the
 * request over ({@code hastart}/{@code hastop} tasks running {@code ha-manager}); the CRM then compares each
 * resource's requested state with its guest and has the node's LRM start or stop it in a task of its own
 * ({@code qmstart}, {@code qmstop}, {@code qmshutdown}, {@code vz...}, by {@code root@pam}), so the guest changes state
 * only after the hand-off has ended. A failed LRM task puts the service in {@code error}, from which only
 * {@code state=disabled} brings it back. Call everything while holding the cluster's monitor.
 */
public final class HaManager {
    private static final Principal ROOT = new Principal("root@pam", "", Set.of(), false);

    private final Cluster cluster;
    private final TaskRunner runner;

    public HaManager(Cluster cluster, TaskRunner runner) {
        this.cluster = cluster;
        this.runner = runner;
    }

    /** {@code POST .../status/start}: the {@code hastart} task runs {@code ha-manager set <sid> --state started}. @return its UPID */
    public String start(Principal who, Guest g, HaResource r) {
        return handOff(who, g, r, "hastart", "start", "ha-manager set " + r.sid() + " --state started", () -> {
            r.options.put("state", "started");
        });
    }

    /**
     * {@code POST .../status/stop} (timeout 0: a hard stop) and {@code .../status/shutdown} (its timeout): the
     * {@code hastop} task queues {@code ha-manager crm-command stop <sid> <timeout>}, on which the CRM sets the
     * requested state to {@code stopped}. @return the task's UPID
     */
    public String stop(Principal who, Guest g, HaResource r, int timeout) {
        return handOff(who, g, r, "hastop", "stop", "ha-manager crm-command stop " + r.sid() + " " + timeout, () -> {
            r.options.put("state", "stopped");
            r.stopTimeout = timeout;
        });
    }

    private String handOff(Principal who, Guest g, HaResource r, String type, String verb, String command, Runnable request) {
        return runner.start(who, g.node, type, String.valueOf(g.vmid), null, null, t -> {
            t.log.add("Requesting HA " + verb + " for " + g.label() + " " + g.vmid);
            if (cluster.haResources.get(r.sid()) != r) {
                t.log.add("resource '" + r.sid() + "' is not HA managed");
                throw new TaskFailure("command '" + command + "' failed: exit code 255");
            }
            if ("error".equals(r.crmState)) {
                t.log.add("service '" + r.sid() + "' in error state, must be disabled and fixed first");
                throw new TaskFailure("command '" + command + "' failed: exit code 255");
            }
            request.run();
            reconcile(r);
            return List.of();
        }, null).upid;
    }

    /**
     * One CRM round for a resource: {@code ignored} leaves the manager status; {@code error} stays until the
     * resource is {@code disabled}; a guest in the requested state settles the service as {@code started} or
     * {@code stopped}; otherwise the LRM is asked to start ({@code started}) or stop ({@code request_stop}) it.
     */
    public void reconcile(HaResource r) {
        Guest g = cluster.guests.get(r.vmid);
        if (g == null || cluster.haResources.get(r.sid()) != r) {
            return;
        }
        String wanted = r.requestedState();
        if (wanted.equals("ignored")) {
            r.crmState = null;
            return;
        }
        if (r.lrmBusy || ("error".equals(r.crmState) && !wanted.equals("disabled"))) {
            return;
        }
        boolean run = wanted.equals("started");
        if (run == g.running()) {
            r.crmState = run ? "started" : "stopped";
            return;
        }
        r.crmState = run ? "started" : "request_stop";
        lrm(g, r, run);
    }

    private void lrm(Guest g, HaResource r, boolean start) {
        String action = start ? "start" : r.stopTimeout != null && r.stopTimeout == 0 ? "stop" : "shutdown";
        r.stopTimeout = null;
        r.lrmBusy = true;
        runner.start(ROOT, g.node, (g.qemu() ? "qm" : "vz") + action, String.valueOf(g.vmid), null, null, t -> {
            r.lrmBusy = false;
            if (cluster.guests.get(g.vmid) != g) {
                return List.of();
            }
            String lock = g.config.get("lock");
            if (lock != null && !lock.isEmpty()) {
                throw new TaskFailure(g.label() + " is locked (" + lock + ")");
            }
            if (start && !g.running()) {
                g.status = "running";
                g.startedAt = Cluster.now();
            } else if (!start) {
                g.status = "stopped";
            }
            reconcile(r);
            return List.of();
        }, () -> {
            r.lrmBusy = false;
            r.crmState = "error";
        });
    }
}
