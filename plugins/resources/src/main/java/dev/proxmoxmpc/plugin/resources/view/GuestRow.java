package dev.proxmoxmpc.plugin.resources.view;

import dev.proxmoxmpc.spi.model.Disk;
import dev.proxmoxmpc.spi.model.Guest;
import java.util.List;

/**
 * One line of {@code list vms|containers}.
 *
 * @param vmid      the VMID
 * @param name      name or hostname
 * @param node      the node (desired)
 * @param status    the server's power state ({@code running}, {@code stopped}, {@code template}) or {@code -} when not there yet
 * @param cores     cores (per socket for VMs)
 * @param memoryMiB memory
 * @param diskGiB   the disks' total size (CD drives left out)
 * @param tags      the tags
 * @param pool      the pool or {@code ""}
 * @param pending   what /apply would do: {@code create}, {@code change}, {@code delete} or {@code ""}
 */
public record GuestRow(int vmid, String name, String node, String status, int cores, long memoryMiB, long diskGiB,
                       List<String> tags, String pool, String pending) {
    public GuestRow {
        tags = List.copyOf(tags);
    }

    /** @param shown the desired guest, or the observed one when it is only on the server */
    public static GuestRow of(Guest shown, Guest observed, String pending) {
        String status = observed == null ? "-" : observed.template() ? "template" : observed.status().pve();
        long disk = shown.disks().stream().filter(d -> !d.cdrom() && !d.volume().contains("cloudinit")).mapToLong(Disk::sizeGiB).sum();
        return new GuestRow(shown.vmid(), shown.name(), shown.node(), status, shown.cores(), shown.memoryMiB(), disk,
                shown.tags(), shown.pool(), pending);
    }

    List<String> cells() {
        return List.of(Integer.toString(vmid), name, node, status, Integer.toString(cores), memoryMiB + " MiB",
                diskGiB == 0 ? "-" : diskGiB + "G", String.join(",", tags), pending.isEmpty() ? "" : pending);
    }

    static final List<String> HEADERS = List.of("VMID", "NAME", "NODE", "STATUS", "CORES", "MEMORY", "DISK", "TAGS", "PENDING");
}
