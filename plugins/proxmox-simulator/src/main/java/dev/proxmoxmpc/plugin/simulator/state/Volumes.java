package dev.proxmoxmpc.plugin.simulator.state;

import dev.proxmoxmpc.plugin.simulator.error.ApiException;

/** Allocates volumes with the names PVE's storage plugins give them. */
public final class Volumes {
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

    /** @return the storage id of a volume id ({@code local-lvm:vm-100-disk-0} gives {@code local-lvm}). */
    public static String storageOf(String volid) {
        int i = volid.indexOf(':');
        return i < 0 ? "" : volid.substring(0, i);
    }
}
