package dev.proxmoxmpc.plugin.simulator.api;

import dev.proxmoxmpc.plugin.simulator.guest.ConfigEditor;
import dev.proxmoxmpc.plugin.simulator.guest.DiskSpec;
import dev.proxmoxmpc.plugin.simulator.guest.GuestSchema;
import dev.proxmoxmpc.plugin.simulator.error.ApiException;
import dev.proxmoxmpc.plugin.simulator.http.ApiRequest;
import dev.proxmoxmpc.plugin.simulator.http.Router;
import dev.proxmoxmpc.plugin.simulator.state.Cluster;
import dev.proxmoxmpc.plugin.simulator.state.Guest;
import dev.proxmoxmpc.plugin.simulator.state.Pool;
import dev.proxmoxmpc.plugin.simulator.state.Sizes;
import dev.proxmoxmpc.plugin.simulator.state.Snapshot;
import dev.proxmoxmpc.plugin.simulator.state.StorageDef;
import dev.proxmoxmpc.plugin.simulator.state.TaskFailure;
import dev.proxmoxmpc.plugin.simulator.state.Volume;
import dev.proxmoxmpc.plugin.simulator.state.Volumes;
import dev.proxmoxmpc.plugin.simulator.task.TaskRunner;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST .../clone} (full copies, and linked clones of templates whose disks become
 * {@code base-9000-disk-0/vm-105-disk-0}) and {@code POST .../template} (disks renamed {@code vm-} to {@code base-}).
 */
public final class CloneApi {
    private final Cluster cluster;
    private final TaskRunner runner;
    private final String kind;

    public CloneApi(Cluster cluster, TaskRunner runner, String kind) {
        this.cluster = cluster;
        this.runner = runner;
        this.kind = kind;
    }

    private String prefix() {
        return kind.equals("qemu") ? "qm" : "vz";
    }

    public void register(Router r) {
        String base = "/nodes/{node}/" + kind + "/{vmid}";
        r.post(base + "/clone", this::cloneGuest);
        r.post(base + "/template", this::template);
    }

    private Object cloneGuest(ApiRequest req) {
        Guest src = cluster.guest(kind, req.node(), req.vmid());
        int newid = Integer.parseInt(req.required("newid").trim());
        cluster.requireUnused(newid);
        String snapname = req.param("snapname").orElse("");
        if (snapname.isEmpty()) {
            Cluster.requireUnlocked(src);
        }
        boolean full = req.param("full").map(v -> v.equals("1")).orElse(!src.template());
        String storage = req.param("storage").orElse("");
        if (!full && !storage.isEmpty()) {
            throw ApiException.failed("parameter 'storage' not allowed for linked clones");
        }
        String target = req.param("target").orElse(src.node);
        cluster.node(target);
        Pool pool = req.param("pool").map(id -> {
            Pool p = cluster.pools.get(id);
            if (p == null) {
                throw ApiException.failed("pool '" + id + "' does not exist");
            }
            return p;
        }).orElse(null);
        Map<String, String> from = src.config;
        if (!snapname.isEmpty()) {
            Snapshot s = src.snapshots.get(snapname);
            if (s == null) {
                throw ApiException.failed("snapshot '" + snapname + "' does not exist");
            }
            from = s.config();
        }
        Guest g = new Guest(kind, newid, target, Map.of());
        String nameKey = src.qemu() ? "name" : "hostname";
        for (Map.Entry<String, String> e : from.entrySet()) {
            String k = e.getKey();
            if (List.of("lock", "template", "parent", "snaptime", "vmstate").contains(k) || GuestSchema.isUnused(k)) {
                continue;
            }
            g.config.put(k, e.getValue());
        }
        g.config.put(nameKey, req.param(nameKey).orElse(src.qemu() ? "Copy-of-VM-" + src.name() : src.name()));
        req.param("description").ifPresent(d -> g.config.put("description", d));
        if (src.qemu()) {
            g.config.put("smbios1", "uuid=" + cluster.newUuid());
            g.config.put("vmgenid", cluster.newUuid());
        }
        for (String k : List.copyOf(g.config.keySet())) {
            if (GuestSchema.isNet(k)) {
                String v = g.config.get(k).replaceAll("(macaddr|hwaddr)=([0-9A-Fa-f]{2}:){5}[0-9A-Fa-f]{2},?", "")
                        .replaceAll("=([0-9A-Fa-f]{2}:){5}[0-9A-Fa-f]{2}", "");
                g.config.put(k, ConfigEditor.normalise(cluster, g, k, v.endsWith(",") ? v.substring(0, v.length() - 1) : v));
            }
        }
        List<String[]> copies = new java.util.ArrayList<>();
        for (String k : List.copyOf(g.config.keySet())) {
            if (!GuestSchema.isDisk(kind, k)) {
                continue;
            }
            DiskSpec d = DiskSpec.parse(kind, k, g.config.get(k));
            Volume srcVol = cluster.volumes.get(d.volume());
            if (srcVol == null) {
                continue;
            }
            if (d.volume().contains("cloudinit")) {
                d.volume(Volumes.cloudinit(cluster, srcVol.storage, target, newid).volid);
            } else if (full) {
                String sid = storage.isEmpty() ? srcVol.storage : storage;
                d.volume(Volumes.allocate(cluster, sid, target, newid, kind, srcVol.sizeBytes, "vm").volid);
                d.values().put("size", Sizes.format(srcVol.sizeBytes));
            } else {
                copies.add(new String[] {k, srcVol.volid});
                d.volume(linked(srcVol, newid, target).volid);
            }
            g.config.put(k, d.print());
        }
        cluster.addNew(g);
        if (pool != null) {
            pool.vmids.add(newid);
        }
        boolean linkedFromNonTemplate = !full && !src.template();
        return runner.start(req.principal(), src.node, prefix() + "clone", String.valueOf(src.vmid), g, "clone", t -> {
            if (linkedFromNonTemplate) {
                throw new TaskFailure("clone failed: clone_image only works on base images");
            }
            return full ? List.of("create full clone of drive(s)", "transferred 100% of the data")
                    : List.of("create linked clone of drive(s)");
        }, () -> {
            if (cluster.guests.get(newid) == g) {
                cluster.guests.remove(newid);
                cluster.volumesOf(newid).forEach(v -> cluster.volumes.remove(v.volid));
                cluster.removeFromPools(newid);
            }
        }).upid;
    }

    private Volume linked(Volume base, int newid, String node) {
        StorageDef s = cluster.storage(base.storage);
        String baseName = base.volid.substring(base.volid.indexOf(':') + 1);
        for (int n = 0; ; n++) {
            String disk = (kind.equals("lxc") && s.type.equals("zfspool") ? "subvol-" : "vm-") + newid + "-disk-" + n;
            String volid = s.fileBased() ? s.id + ":" + baseName.split("/")[0] + "/" + baseName.substring(baseName.indexOf('/') + 1)
                    + "/" + newid + "/" + disk + ".raw" : s.id + ":" + baseName + "/" + disk;
            if (!cluster.volumes.containsKey(volid)) {
                Volume v = new Volume(volid, s.id, s.shared ? "" : node, newid, base.content, base.format, base.sizeBytes, Cluster.now());
                v.parent = base.volid;
                cluster.volumes.put(volid, v);
                return v;
            }
        }
    }

    private Object template(ApiRequest req) {
        Guest g = cluster.guest(kind, req.node(), req.vmid());
        Cluster.requireUnlocked(g);
        if (g.running()) {
            throw ApiException.failed("you can't convert a running " + (g.qemu() ? "VM" : "CT") + " to a template");
        }
        if (g.template()) {
            throw ApiException.failed("you can't convert a template to a template");
        }
        return runner.start(req.principal(), g.node, prefix() + "template", String.valueOf(g.vmid), g,
                g.qemu() ? "create" : "create", t -> {
                    for (String k : List.copyOf(g.config.keySet())) {
                        if (!GuestSchema.isDisk(kind, k)) {
                            continue;
                        }
                        DiskSpec d = DiskSpec.parse(kind, k, g.config.get(k));
                        Volume v = cluster.volumes.get(d.volume());
                        if (v == null || d.cdrom()) {
                            continue;
                        }
                        String renamed = v.volid.replace("vm-" + g.vmid + "-disk-", "base-" + g.vmid + "-disk-");
                        cluster.volumes.remove(v.volid);
                        Volume nv = new Volume(renamed, v.storage, v.node, v.vmid, v.content, v.format, v.sizeBytes, v.ctime);
                        cluster.volumes.put(renamed, nv);
                        d.volume(renamed);
                        g.config.put(k, d.print());
                    }
                    g.config.put("template", "1");
                    return List.of();
                }, null).upid;
    }
}
