package dev.proxmoxmpc.plugin.simulator.api;

import dev.proxmoxmpc.plugin.simulator.auth.Principal;
import dev.proxmoxmpc.plugin.simulator.error.ApiException;
import dev.proxmoxmpc.plugin.simulator.http.ApiRequest;
import dev.proxmoxmpc.plugin.simulator.http.Router;
import dev.proxmoxmpc.plugin.simulator.state.Cluster;
import dev.proxmoxmpc.plugin.simulator.state.StorageDef;
import dev.proxmoxmpc.plugin.simulator.state.Task;
import dev.proxmoxmpc.plugin.simulator.state.Volume;
import dev.proxmoxmpc.plugin.simulator.task.TaskRunner;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code GET /nodes/{node}/storage/{storage}/content} and {@code DELETE .../content/{volume}}: the volume is removed
 * by an {@code imgdel} task, as PVE's {@code vdisk_free} worker does.
 */
public final class ContentApi {
    /** Volume names a directory storage can parse ({@code iso/x.iso}, {@code 100/vm-100-disk-0.qcow2}). */
    private static final Pattern DIR_VOLUME = Pattern.compile("(iso|vztmpl|backup|snippets|import)/[^/]+|\\d+/[^/]+");
    /** Volume names of block storages ({@code vm-100-disk-0}, {@code base-9000-disk-0/vm-610-disk-0}). */
    private static final Pattern BLOCK_VOLUME = Pattern.compile("((base|vm|subvol)-\\d+-[^/\\s]+/)?(base|vm|subvol)-\\d+-\\S+");
    private final Cluster cluster;
    private final TaskRunner runner;

    public ContentApi(Cluster cluster, TaskRunner runner) {
        this.cluster = cluster;
        this.runner = runner;
    }

    public void register(Router r) {
        r.get("/nodes/{node}/storage/{storage}/content", this::list);
        r.delete("/nodes/{node}/storage/{storage}/content/{volume}", this::delete);
    }

    private Object list(ApiRequest req) {
        String node = cluster.node(req.node()).name;
        StorageDef s = cluster.storages.get(req.required("storage"));
        if (s == null || !s.availableOn(node)) {
            throw ApiException.failed("storage '" + req.required("storage") + "' does not exist");
        }
        String content = req.param("content").orElse("");
        int vmid = req.intParam("vmid", 0);
        List<Object> out = new ArrayList<>();
        for (Volume v : cluster.volumes.values()) {
            if (!v.storage.equals(s.id) || !visibleOn(s, v, node)) {
                continue;
            }
            if ((!content.isEmpty() && !content.equals(v.content)) || (vmid != 0 && v.vmid != vmid)) {
                continue;
            }
            out.add(row(v));
        }
        return out;
    }

    private static boolean visibleOn(StorageDef s, Volume v, String node) {
        return s.shared || v.node.isEmpty() || v.node.equals(node);
    }

    private static Map<String, Object> row(Volume v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("volid", v.volid);
        m.put("content", v.content);
        m.put("format", v.format);
        m.put("size", v.sizeBytes);
        m.put("ctime", v.ctime);
        if (v.vmid != 0) {
            m.put("vmid", v.vmid);
        }
        if (v.content.equals("images") || v.content.equals("rootdir")) {
            m.put("used", v.sizeBytes / 3);
        }
        if (!v.parent.isEmpty()) {
            m.put("parent", v.parent);
        }
        if (v.content.equals("backup")) {
            m.put("subtype", v.backupKind);
        }
        return m;
    }

    /**
     * Like PVE: the volume is a full volume id (its storage must match the path's) or a name on the path's storage;
     * a backup of a guest needs {@code Datastore.AllocateSpace} and the guest's {@code VM.Backup}, anything else
     * {@code Datastore.Allocate}. A volume that is not there ends the task with a warning, as {@code free_image} does.
     */
    private Object delete(ApiRequest req) {
        String node = cluster.node(req.node()).name;
        String volid = volumeId(req.param("storage").orElse(""), req.required("volume"));
        StorageDef s = cluster.storage(volid.substring(0, volid.indexOf(':')));
        String name = volid.substring(volid.indexOf(':') + 1);
        if (!(s.fileBased() ? DIR_VOLUME : BLOCK_VOLUME).matcher(name).matches()) {
            throw ApiException.failed("unable to parse " + (s.fileBased() ? "directory" : s.type) + " volume name '" + name + "'");
        }
        Volume existing = cluster.volumes.get(volid);
        checkDelete(req.principal(), s, existing);
        String id = existing != null && existing.vmid != 0 ? existing.vmid + "@" + s.id : s.id;
        Task t = runner.start(req.principal(), node, "imgdel", id, null, null, task -> {
            Volume v = cluster.volumes.get(volid);
            if (v == null || !visibleOn(s, v, node)) {
                String where = s.fileBased() ? file(s, name) : volid;
                return List.of("WARN: disk image '" + where + "' does not exist");
            }
            cluster.volumes.remove(volid);
            return List.of("Removed volume '" + volid + "'");
        }, null);
        return t.upid;
    }

    private static String volumeId(String storage, String volume) {
        int colon = volume.indexOf(':');
        if (colon < 0) {
            if (storage.isEmpty()) {
                throw ApiException.parameter("volume", "no storage specified - incomplete volume ID");
            }
            return storage + ":" + volume;
        }
        String sid = volume.substring(0, colon);
        if (sid.isEmpty() || colon == volume.length() - 1) {
            throw ApiException.parameter("volume", "unable to parse volume ID '" + volume + "'");
        }
        if (!storage.isEmpty() && !storage.equals(sid)) {
            throw ApiException.parameter("volume", "storage ID mismatch (" + sid + " != " + storage + ")");
        }
        return volume;
    }

    private static void checkDelete(Principal who, StorageDef s, Volume v) {
        if (v != null && v.content.equals("backup") && v.vmid != 0) {
            require(who, "/storage/" + s.id, "Datastore.AllocateSpace");
            require(who, "/vms/" + v.vmid, "VM.Backup");
        } else {
            require(who, "/storage/" + s.id, "Datastore.Allocate");
        }
    }

    private static void require(Principal who, String path, String privilege) {
        if (!who.has(privilege)) {
            throw ApiException.forbidden("Permission check failed (" + path + ", " + privilege + ")");
        }
    }

    /** @return the file of a directory storage's volume ({@code /var/lib/vz/template/iso/x.iso}). */
    private static String file(StorageDef s, String name) {
        int slash = name.indexOf('/');
        String kind = name.substring(0, slash);
        return kind.chars().allMatch(Character::isDigit) ? s.directory("images") + "/" + name : s.directory(kind) + name.substring(slash);
    }
}
