package dev.proxmoxmpc.plugin.simulator.api;

import dev.proxmoxmpc.plugin.simulator.guest.ConfigEditor;
import dev.proxmoxmpc.plugin.simulator.guest.DiskSpec;
import dev.proxmoxmpc.plugin.simulator.guest.GuestSchema;
import dev.proxmoxmpc.plugin.simulator.guest.GuestViews;
import dev.proxmoxmpc.plugin.simulator.error.ApiException;
import dev.proxmoxmpc.plugin.simulator.http.ApiRequest;
import dev.proxmoxmpc.plugin.simulator.http.Router;
import dev.proxmoxmpc.plugin.simulator.state.Cluster;
import dev.proxmoxmpc.plugin.simulator.state.ConfigText;
import dev.proxmoxmpc.plugin.simulator.state.Guest;
import dev.proxmoxmpc.plugin.simulator.state.Sizes;
import dev.proxmoxmpc.plugin.simulator.state.StorageDef;
import dev.proxmoxmpc.plugin.simulator.state.Task;
import dev.proxmoxmpc.plugin.simulator.state.Volume;
import dev.proxmoxmpc.plugin.simulator.state.Volumes;
import dev.proxmoxmpc.plugin.simulator.task.TaskRunner;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /nodes/{node}/vzdump} (backups as {@code backup} volumes carrying the guest's config) and restores
 * ({@code qmrestore} via {@code POST .../qemu} with {@code archive}, {@code vzrestore} via {@code POST .../lxc} with
 * {@code ostemplate} and {@code restore=1}).
 */
public final class BackupApi {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy_MM_dd-HH_mm_ss");
    private final Cluster cluster;
    private final TaskRunner runner;

    public BackupApi(Cluster cluster, TaskRunner runner) {
        this.cluster = cluster;
        this.runner = runner;
    }

    public void register(Router r) {
        r.post("/nodes/{node}/vzdump", this::vzdump);
    }

    private Object vzdump(ApiRequest req) {
        String node = cluster.node(req.node()).name;
        List<Guest> guests = new ArrayList<>();
        if (req.flag("all")) {
            cluster.guests.values().stream().filter(g -> g.node.equals(node) && !g.template()).forEach(guests::add);
        } else {
            for (String id : req.required("vmid").split("[,; ]+")) {
                Guest g = cluster.guests.get(Integer.parseInt(id.trim()));
                if (g == null) {
                    throw ApiException.failed("Unable to find VM or CT " + id.trim());
                }
                if (g.node.equals(node)) {
                    guests.add(g);
                }
            }
        }
        StorageDef storage = req.param("storage").map(cluster::storage).orElseGet(() -> cluster.storages.values().stream()
                .filter(s -> s.allows("backup") && s.availableOn(node)).findFirst()
                .orElseThrow(() -> ApiException.failed("no backup storage available on node '" + node + "'")));
        if (!storage.allows("backup")) {
            throw ApiException.failed("storage '" + storage.id + "' does not support backups");
        }
        guests.forEach(Cluster::requireUnlocked);
        guests.forEach(g -> g.config.put("lock", "backup"));
        String compress = req.param("compress").orElse("0");
        String mode = req.param("mode").orElse("snapshot");
        String id = guests.size() == 1 ? String.valueOf(guests.get(0).vmid) : "";
        Runnable unlock = () -> guests.forEach(g -> {
            if ("backup".equals(g.config.get("lock"))) {
                g.config.remove("lock");
            }
        });
        Task t = runner.start(req.principal(), node, "vzdump", id, null, null, task -> {
            unlock.run();
            List<String> log = new ArrayList<>();
            log.add("INFO: starting new backup job: vzdump " + req.param("vmid").orElse("--all") + " --storage " + storage.id
                    + " --mode " + mode + (compress.equals("0") ? "" : " --compress " + compress));
            for (Guest g : guests) {
                if (cluster.guests.get(g.vmid) != g) {
                    throw new dev.proxmoxmpc.plugin.simulator.state.TaskFailure("guest " + g.vmid + " vanished during backup");
                }
                Volume v = backup(g, storage, node, compress);
                log.add("INFO: Starting Backup of VM " + g.vmid + " (" + g.kind + ")");
                log.add("INFO: creating vzdump archive '" + v.volid + "'");
                log.add("INFO: Finished Backup of VM " + g.vmid + " (00:00:01)");
            }
            log.add("INFO: Backup job finished successfully");
            return log;
        }, unlock);
        return t.upid;
    }

    private Volume backup(Guest g, StorageDef storage, String node, String compress) {
        String ext = switch (compress) {
            case "zstd", "1" -> ".zst";
            case "gzip" -> ".gz";
            case "lzo" -> ".lzo";
            default -> "";
        };
        String base = g.qemu() ? "vma" : "tar";
        String stamp = LocalDateTime.now(ZoneOffset.UTC).format(STAMP);
        String volid = storage.id + ":backup/vzdump-" + g.kind + "-" + g.vmid + "-" + stamp + "." + base + ext;
        for (int i = 1; cluster.volumes.containsKey(volid); i++) {
            volid = storage.id + ":backup/vzdump-" + g.kind + "-" + g.vmid + "-" + stamp + "-" + i + "." + base + ext;
        }
        Volume v = new Volume(volid, storage.id, storage.shared ? "" : node, g.vmid, "backup", base + ext.replace(".", "."),
                Math.max(Sizes.MIB, GuestViews.maxdisk(g) / 5), Cluster.now());
        Map<String, String> cfg = new LinkedHashMap<>(g.config);
        cfg.remove("lock");
        Guest copy = new Guest(g.kind, g.vmid, g.node, cfg);
        v.backupConfig = ConfigText.render(copy);
        v.backupKind = g.kind;
        cluster.volumes.put(volid, v);
        return v;
    }

    /** Restores a backup into {@code vmid} on the request's node; answers the task's UPID. */
    Object restore(ApiRequest req, String kind, String archive) {
        String node = cluster.node(req.node()).name;
        int vmid = req.vmid();
        Volume backup = cluster.volumes.get(archive);
        if (backup == null || !backup.content.equals("backup")) {
            throw ApiException.failed("unable to restore " + (kind.equals("qemu") ? "VM" : "CT") + " " + vmid
                    + " - volume '" + archive + "' does not exist");
        }
        if (!backup.backupKind.equals(kind)) {
            throw ApiException.failed("archive '" + archive + "' is not a " + (kind.equals("qemu") ? "VM" : "container") + " backup");
        }
        Guest existing = cluster.guests.get(vmid);
        if (existing != null) {
            if (!req.flag("force")) {
                throw ApiException.failed("unable to restore " + existing.label() + " " + vmid + " - " + existing.label() + " "
                        + vmid + " already exists on node '" + existing.node + "'");
            }
            Cluster.requireUnlocked(existing);
            if (existing.running()) {
                throw ApiException.failed("unable to restore " + existing.label() + " " + vmid + " - " + existing.label() + " is running");
            }
            cluster.guests.remove(vmid);
            cluster.volumesOf(vmid).forEach(v -> cluster.volumes.remove(v.volid));
        }
        Guest g = new Guest(kind, vmid, node, Map.of());
        Map<String, String> saved = ConfigText.parse(backup.backupConfig);
        String targetStorage = req.param("storage").orElse("");
        for (Map.Entry<String, String> e : saved.entrySet()) {
            String key = e.getKey();
            if (GuestSchema.isUnused(key)) {
                continue;
            }
            if (GuestSchema.isDisk(kind, key)) {
                DiskSpec d = DiskSpec.parse(kind, key, e.getValue());
                if (!d.cdrom() && cluster.volumes.containsKey(d.volume()) || d.values().containsKey("size") && !d.cdrom()) {
                    String sid = targetStorage.isEmpty() ? Volumes.storageOf(d.volume()) : targetStorage;
                    long size = d.values().containsKey("size") ? Sizes.parse(d.values().get("size")) : Sizes.GIB;
                    Volume v = Volumes.allocate(cluster, sid, node, vmid, kind, size, "vm");
                    d.volume(v.volid);
                    d.values().put("size", Sizes.format(size));
                    g.config.put(key, d.print());
                    continue;
                }
                if (d.volume().contains("cloudinit")) {
                    String sid = targetStorage.isEmpty() ? Volumes.storageOf(d.volume()) : targetStorage;
                    g.config.put(key, ConfigEditor.normalise(cluster, g, key, sid + ":cloudinit"));
                    continue;
                }
            }
            if (GuestSchema.isNet(key) && req.flag("unique")) {
                g.config.put(key, e.getValue().replaceAll("([0-9A-Fa-f]{2}:){5}[0-9A-Fa-f]{2}", cluster.newMac()));
                continue;
            }
            g.config.put(key, e.getValue());
        }
        g.config.remove("template");
        cluster.addNew(g);
        String type = kind.equals("qemu") ? "qmrestore" : "vzrestore";
        boolean start = req.flag("start");
        Task t = runner.start(req.principal(), node, type, String.valueOf(vmid), g, "create", task -> {
            if (start) {
                g.status = "running";
                g.startedAt = Cluster.now();
            }
            return List.of("restore vma archive: " + archive, "rescan volumes...");
        }, () -> {
            if (cluster.guests.get(vmid) == g) {
                cluster.guests.remove(vmid);
                cluster.volumesOf(vmid).forEach(v -> cluster.volumes.remove(v.volid));
            }
        });
        return t.upid;
    }
}
