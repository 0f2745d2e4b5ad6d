package dev.proxmoxmpc.plugin.monitoring.rightsize;

import java.util.List;

/**
 * A guest's size and its RRD samples over the window.
 *
 * @param type    {@code qemu} or {@code lxc}
 * @param cpus    vCPUs it has ({@code maxcpu})
 * @param memory  bytes it has ({@code maxmem})
 * @param samples rows with data, in time order
 */
public record GuestUsage(int vmid, String name, String type, String node, int cpus, long memory, List<Point> samples) {
    public GuestUsage {
        samples = List.copyOf(samples);
    }

    /**
     * One RRD row.
     *
     * @param cpu     CPU use as a fraction of the guest's CPUs
     * @param mem     memory in use in bytes ({@code mem}: the guest's own view when a VM's balloon driver reports it)
     * @param memhost the VM process's memory on the host ({@code memhost}, PVE 9), or -1 when not reported (containers)
     */
    public record Point(long time, double cpu, double mem, double memhost) {}
}
