package dev.proxmoxmpc.plugin.simulator.api;

import dev.proxmoxmpc.plugin.simulator.guest.ConfigEditor;
import dev.proxmoxmpc.plugin.simulator.guest.GuestViews;
import dev.proxmoxmpc.plugin.simulator.error.ApiException;
import dev.proxmoxmpc.plugin.simulator.http.ApiRequest;
import dev.proxmoxmpc.plugin.simulator.http.Router;
import dev.proxmoxmpc.plugin.simulator.state.Cluster;
import dev.proxmoxmpc.plugin.simulator.state.ConfigText;
import dev.proxmoxmpc.plugin.simulator.state.Guest;
import dev.proxmoxmpc.plugin.simulator.state.HaResource;
import dev.proxmoxmpc.plugin.simulator.state.Pool;
import dev.proxmoxmpc.plugin.simulator.state.Snapshot;
import dev.proxmoxmpc.plugin.simulator.state.Task;
import dev.proxmoxmpc.plugin.simulator.task.TaskRunner;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code /nodes/{node}/qemu} and {@code /nodes/{node}/lxc}: list, create (and restore, see {@link BackupApi}),
 * config read and write with digest checks and {@code delete}, {@code status/current}, {@code pending}.
 */
public final class GuestApi {
    private final Cluster cluster;
    private final TaskRunner runner;
    private final String kind;
    private final BackupApi backups;

    public GuestApi(Cluster cluster, TaskRunner runner, String kind, BackupApi backups) {
        this.cluster = cluster;
        this.runner = runner;
        this.kind = kind;
        this.backups = backups;
    }

    private boolean qemu() {
        return kind.equals("qemu");
    }

    private String prefix() {
        return qemu() ? "qm" : "vz";
    }

    public void register(Router r) {
        String base = "/nodes/{node}/" + kind;
        r.get(base, this::list);
        r.post(base, this::create);
        r.get(base + "/{vmid}/config", this::config);
        r.put(base + "/{vmid}/config", req -> {
            update(req);
            return null;
        });
        if (qemu()) {
            r.post(base + "/{vmid}/config", req -> {
                Guest g = update(req);
                return runner.start(req.principal(), g.node, "qmconfig", String.valueOf(g.vmid), null, null,
                        t -> List.of(), null).upid;
            });
        }
        r.get(base + "/{vmid}/pending", this::pending);
        r.get(base + "/{vmid}/status/current", req -> GuestViews.current(cluster, guest(req)));
        r.get(base + "/{vmid}", req -> {
            guest(req);
            return List.of(Map.of("subdir", "config"), Map.of("subdir", "status"), Map.of("subdir", "snapshot"));
        });
    }

    Guest guest(ApiRequest req) {
        return cluster.guest(kind, req.node(), req.vmid());
    }

    private Object list(ApiRequest req) {
        String node = cluster.node(req.node()).name;
        List<Object> out = new ArrayList<>();
        for (Guest g : cluster.guests.values()) {
            if (g.kind.equals(kind) && g.node.equals(node) && req.principal().has("VM.Audit")) {
                out.add(GuestViews.listEntry(cluster, g));
            }
        }
        return out;
    }

    private Object config(ApiRequest req) {
        Guest g = guest(req);
        String snap = req.param("snapshot").orElse("");
        if (!snap.isEmpty()) {
            Snapshot s = g.snapshots.get(snap);
            if (s == null) {
                throw ApiException.failed("snapshot '" + snap + "' does not exist");
            }
            return GuestViews.config(g, s.config(), ConfigText.digest(g));
        }
        return GuestViews.config(g);
    }

    private Object pending(ApiRequest req) {
        Guest g = guest(req);
        List<Object> out = new ArrayList<>();
        new java.util.TreeMap<>(g.config).forEach((k, v) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("key", k);
            m.put("value", GuestViews.config(g, Map.of(k, v), "").get(k));
            out.add(m);
        });
        return out;
    }

    private Guest update(ApiRequest req) {
        Guest g = guest(req);
        // qm checks the digest before the lock ("checksum mismatch"); pct checks the lock, then the digest
        // (PVE::Tools::assert_if_modified: "detected modified configuration")
        boolean lockFirst = !qemu();
        if (lockFirst && !req.flag("skiplock")) {
            Cluster.requireUnlocked(g);
        }
        String digest = req.param("digest").orElse("");
        if (!digest.isEmpty() && !digest.equals(ConfigText.digest(g))) {
            throw ApiException.failed(qemu() ? "checksum mismatch (file change by other user?)"
                    : "detected modified configuration - file changed by other user? Try again.");
        }
        if (!lockFirst && !req.flag("skiplock")) {
            Cluster.requireUnlocked(g);
        }
        String delete = req.param("delete").orElse("");
        for (String key : delete.split("[,; ]+")) {
            if (!key.isEmpty() && req.params().containsKey(key)) {
                throw ApiException.parameter(key, "you can't change and delete the same option at the same time");
            }
        }
        ConfigEditor.delete(cluster, g, delete);
        ConfigEditor.apply(cluster, g, req.params());
        return g;
    }

    private Object create(ApiRequest req) {
        String node = cluster.node(req.node()).name;
        int vmid = req.vmid();
        if (qemu() && req.param("archive").isPresent()) {
            return backups.restore(req, kind, req.param("archive").get());
        }
        if (!qemu() && req.flag("restore")) {
            return backups.restore(req, kind, req.required("ostemplate"));
        }
        cluster.requireUnused(vmid);
        Pool pool = req.param("pool").map(id -> {
            Pool p = cluster.pools.get(id);
            if (p == null) {
                throw ApiException.failed("pool '" + id + "' does not exist");
            }
            return p;
        }).orElse(null);
        Guest g = new Guest(kind, vmid, node, Map.of());
        if (req.flag("template")) {
            g.config.put("template", "1");
        }
        try {
            ConfigEditor.apply(cluster, g, req.params());
            defaults(g, req);
        } catch (RuntimeException e) {
            cluster.volumesOf(vmid).forEach(v -> cluster.volumes.remove(v.volid));
            throw e;
        }
        cluster.addNew(g);
        if (pool != null) {
            pool.vmids.add(vmid);
        }
        boolean start = req.flag("start");
        Task t = runner.start(req.principal(), node, prefix() + "create", String.valueOf(vmid), g, "create", task -> {
            List<String> log = new ArrayList<>();
            if (!qemu()) {
                log.add("extracting archive '" + req.param("ostemplate").orElse("") + "'");
                log.add("Total bytes read: 524288000 (500MiB, 412MiB/s)");
            }
            if (start && !g.template()) {
                g.status = "running";
                g.startedAt = Cluster.now();
            }
            if (req.flag("ha-managed")) {
                log.add("Add as HA resource");
                addHaResource(g);
            }
            return log;
        }, () -> discard(g));
        return t.upid;
    }

    /** {@code ha-manager add <sid> --state started|stopped}, as the create task does for {@code ha-managed=1}. */
    private void addHaResource(Guest g) {
        HaResource r = new HaResource(qemu() ? "vm" : "ct", g.vmid);
        r.options.put("state", g.running() ? "started" : "stopped");
        r.crmState = r.options.get("state");
        cluster.haResources.putIfAbsent(r.sid(), r);
    }

    private void defaults(Guest g, ApiRequest req) {
        if (qemu()) {
            g.config.putIfAbsent("meta", "creation-qemu=10.0.2,ctime=" + Cluster.now());
            g.config.putIfAbsent("smbios1", "uuid=" + cluster.newUuid());
            g.config.putIfAbsent("vmgenid", cluster.newUuid());
            if (!g.config.containsKey("boot")) {
                List<String> order = new ArrayList<>();
                for (String k : new java.util.TreeSet<>(g.config.keySet())) {
                    if (k.matches("(ide|sata|scsi|virtio)\\d+") && !g.config.get(k).contains("media=cdrom")) {
                        order.add(k);
                        break;
                    }
                }
                g.config.keySet().stream().filter(k -> k.matches("(ide|sata|scsi)\\d+") && g.config.get(k).contains("media=cdrom")
                        && !g.config.get(k).contains("cloudinit")).sorted().forEach(order::add);
                g.config.keySet().stream().filter(k -> k.matches("net\\d+")).sorted().forEach(order::add);
                if (!order.isEmpty()) {
                    g.config.put("boot", "order=" + String.join(";", order));
                }
            }
        } else {
            String template = req.param("ostemplate").orElse("");
            g.config.putIfAbsent("arch", "amd64");
            g.config.putIfAbsent("ostype", ostype(template));
            g.config.putIfAbsent("hostname", "CT" + g.vmid);
            g.config.putIfAbsent("memory", "512");
            g.config.putIfAbsent("swap", "512");
            if (!g.config.containsKey("rootfs")) {
                String storage = req.param("storage").orElse("local");
                g.config.put("rootfs", ConfigEditor.normalise(cluster, g, "rootfs", storage + ":4"));
            }
        }
    }

    private static String ostype(String template) {
        String t = template.toLowerCase(Locale.ROOT);
        for (String os : List.of("debian", "ubuntu", "alpine", "centos", "fedora", "archlinux", "opensuse", "gentoo", "nixos")) {
            if (t.contains(os)) {
                return os;
            }
        }
        return "unmanaged";
    }

    /** Removes a guest that never came to be (a failed create, clone or restore). */
    void discard(Guest g) {
        if (cluster.guests.get(g.vmid) == g) {
            cluster.guests.remove(g.vmid);
            cluster.volumesOf(g.vmid).forEach(v -> cluster.volumes.remove(v.volid));
            cluster.removeFromPools(g.vmid);
        }
    }
}
