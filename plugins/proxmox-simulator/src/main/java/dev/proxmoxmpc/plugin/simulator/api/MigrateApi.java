package dev.proxmoxmpc.plugin.simulator.api;

import dev.proxmoxmpc.plugin.simulator.guest.DiskSpec;
import dev.proxmoxmpc.plugin.simulator.error.ApiException;
import dev.proxmoxmpc.plugin.simulator.http.ApiRequest;
import dev.proxmoxmpc.plugin.simulator.http.Router;
import dev.proxmoxmpc.plugin.simulator.state.Cluster;
import dev.proxmoxmpc.plugin.simulator.state.ConfigText;
import dev.proxmoxmpc.plugin.simulator.state.Guest;
import dev.proxmoxmpc.plugin.simulator.state.Sizes;
import dev.proxmoxmpc.plugin.simulator.state.Volume;
import dev.proxmoxmpc.plugin.simulator.task.TaskRunner;
import java.util.List;

/** {@code POST .../migrate} (online for running VMs, restart for containers) and {@code PUT .../resize}. */
public final class MigrateApi {
    private final Cluster cluster;
    private final TaskRunner runner;
    private final String kind;

    public MigrateApi(Cluster cluster, TaskRunner runner, String kind) {
        this.cluster = cluster;
        this.runner = runner;
        this.kind = kind;
    }

    public void register(Router r) {
        String base = "/nodes/{node}/" + kind + "/{vmid}";
        r.post(base + "/migrate", this::migrate);
        r.put(base + "/resize", this::resize);
    }

    private Object migrate(ApiRequest req) {
        Guest g = cluster.guest(kind, req.node(), req.vmid());
        String target = req.required("target");
        cluster.node(target);
        if (target.equals(g.node)) {
            throw ApiException.failed("target is local node.");
        }
        Cluster.requireUnlocked(g);
        if (g.running()) {
            if (g.qemu() && !req.flag("online")) {
                throw ApiException.failed("can't migrate running VM without --online");
            }
            if (!g.qemu() && !req.flag("restart") && !req.flag("online")) {
                throw ApiException.failed("CT is running - use online migration or restart migration");
            }
        }
        String type = g.qemu() ? "qmigrate" : "vzmigrate";
        String from = g.node;
        return runner.start(req.principal(), g.node, type, String.valueOf(g.vmid), g, "migrate", t -> {
            for (Volume v : cluster.volumesOf(g.vmid)) {
                if (!v.node.isEmpty()) {
                    v.node = target;
                }
            }
            g.node = target;
            if (g.running()) {
                g.startedAt = g.qemu() ? g.startedAt : Cluster.now();
            }
            return List.of("starting migration of " + g.label() + " " + g.vmid + " to node '" + target + "'",
                    "migration finished successfully (duration 00:00:01)", "moved from " + from);
        }, null).upid;
    }

    private Object resize(ApiRequest req) {
        Guest g = cluster.guest(kind, req.node(), req.vmid());
        String digest = req.param("digest").orElse("");
        if (!digest.isEmpty() && !digest.equals(ConfigText.digest(g))) {
            throw ApiException.failed("detected modified configuration - file changed by other user? Try again.");
        }
        if (!req.flag("skiplock")) {
            Cluster.requireUnlocked(g);
        }
        String disk = req.required("disk");
        String current = g.config.get(disk);
        if (current == null) {
            throw ApiException.failed("disk '" + disk + "' does not exist");
        }
        DiskSpec d = DiskSpec.parse(kind, disk, current);
        if (d.cdrom()) {
            throw ApiException.failed("you can't resize a cdrom");
        }
        long old = d.values().containsKey("size") ? Sizes.parse(d.values().get("size")) : 0;
        String size = req.required("size");
        long wanted = size.startsWith("+") ? old + Sizes.parse(size.substring(1)) : Sizes.parse(size);
        if (wanted < old) {
            throw ApiException.failed("shrinking disks is not supported");
        }
        return runner.start(req.principal(), g.node, "resize", String.valueOf(g.vmid), null, null, t -> {
            d.values().put("size", Sizes.format(wanted));
            g.config.put(disk, d.print());
            Volume v = cluster.volumes.get(d.volume());
            if (v != null) {
                v.sizeBytes = wanted;
            }
            return List.of("Size of logical volume changed from " + Sizes.format(old) + " to " + Sizes.format(wanted) + ".");
        }, null).upid;
    }
}
