package dev.proxmoxmpc.plugin.simulator.state;

/**
 * A volume on a storage. {@code node} is where it lives ({@code ""} on shared storage). Backups carry the guest's
 * config text and kind so a restore can rebuild the guest.
 */
public final class Volume {
    public final String volid;
    public final String storage;
    public String node;
    public int vmid;
    public final String content;
    public final String format;
    public long sizeBytes;
    public final long ctime;
    public String parent = "";
    public String backupConfig = "";
    public String backupKind = "";

    public Volume(String volid, String storage, String node, int vmid, String content, String format, long sizeBytes, long ctime) {
        this.volid = volid;
        this.storage = storage;
        this.node = node;
        this.vmid = vmid;
        this.content = content;
        this.format = format;
        this.sizeBytes = sizeBytes;
        this.ctime = ctime;
    }
}
