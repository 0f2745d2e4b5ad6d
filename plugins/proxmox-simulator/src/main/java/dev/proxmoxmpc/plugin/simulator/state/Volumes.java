package dev.proxmoxmpc.plugin.simulator.state;

import dev.proxmoxmpc.plugin.simulator.error.ApiException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Allocates volumes with the names PVE's storage plugins give them. */
public final class Volumes {
    /** PVE's container template endings ({@code VZTMPL_EXT_RE_1}): {@code .tar} or {@code .tar.gz|xz|zst|bz2}. */
    public static final Pattern TEMPLATE = Pattern.compile("\\.tar(?:\\.(gz|xz|zst|bz2))?$", Pattern.CASE_INSENSITIVE);
    /** PVE's ISO image endings ({@code ISO_EXT_RE_0}). */
    public static final Pattern ISO = Pattern.compile("\\.(?:iso|img)$", Pattern.CASE_INSENSITIVE);
    /** The endings {@code download-url} takes for {@code import} ({@code UPLOAD_IMPORT_EXT_RE_1}). */
    public static final Pattern IMPORT = Pattern.compile("\\.(ova|qcow2|raw|vmdk)$", Pattern.CASE_INSENSITIVE);

    private Volumes() {
    }

    /**
     * Allocates a disk for a guest.
     *
     * @param prefix {@code vm} for a normal disk, {@code base} for a template's
     * @return the new volume (already registered in the cluster)
     */
    public static Volume allocate(Cluster c, String storageId, String node, int vmid, String kind, long size, String prefix) {
        StorageDef s = c.storage(storageId);
        if (!s.availableOn(node)) {
            throw ApiException.failed("storage '" + storageId + "' is not available on node '" + node + "'");
        }
        String content = kind.equals("lxc") ? "rootdir" : "images";
        if (!s.allows(content)) {
            throw ApiException.failed("storage '" + storageId + "' does not support " + (kind.equals("lxc")
                    ? "container directories" : "vm images"));
        }
        boolean subvol = kind.equals("lxc") && s.type.equals("zfspool");
        String stem = subvol ? "subvol" : prefix;
        for (int n = 0; ; n++) {
            String name = stem + "-" + vmid + "-disk-" + n;
            String volid = s.fileBased() ? s.id + ":" + vmid + "/" + name + ".raw" : s.id + ":" + name;
            if (!c.volumes.containsKey(volid) && !c.volumes.containsKey(volid.replace(":" + stem + "-", ":base-"))) {
                Volume v = new Volume(volid, s.id, s.shared ? "" : node, vmid, content,
                        subvol ? "subvol" : "raw", size, Cluster.now());
                c.volumes.put(volid, v);
                return v;
            }
        }
    }

    /** Allocates the cloud-init drive {@code vm-<vmid>-cloudinit}. */
    public static Volume cloudinit(Cluster c, String storageId, String node, int vmid) {
        StorageDef s = c.storage(storageId);
        String volid = s.fileBased() ? s.id + ":" + vmid + "/vm-" + vmid + "-cloudinit.qcow2" : s.id + ":vm-" + vmid + "-cloudinit";
        Volume v = new Volume(volid, s.id, s.shared ? "" : node, vmid, "images", s.fileBased() ? "qcow2" : "raw",
                4 * Sizes.MIB, Cluster.now());
        c.volumes.put(volid, v);
        return v;
    }

    /**
     * @return the format PVE lists for a file of this content type: {@code iso} for ISO images ({@code .iso},
     *     {@code .img}), {@code t} and the compression for container templates ({@code tzst} for {@code .tar.zst}),
     *     otherwise the file's extension
     */
    public static String fileFormat(String content, String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (content.equals("iso")) {
            return "iso";
        }
        Matcher template = TEMPLATE.matcher(lower);
        if (content.equals("vztmpl") && template.find()) {
            return template.group(1) == null ? "tar" : "t" + template.group(1);
        }
        return lower.substring(lower.lastIndexOf('.') + 1);
    }

    /** @return the storage id of a volume id ({@code local-lvm:vm-100-disk-0} gives {@code local-lvm}). */
    public static String storageOf(String volid) {
        int i = volid.indexOf(':');
        return i < 0 ? "" : volid.substring(0, i);
    }
}
