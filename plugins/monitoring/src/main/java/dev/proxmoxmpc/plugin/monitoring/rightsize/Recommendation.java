package dev.proxmoxmpc.plugin.monitoring.rightsize;

import java.util.List;

/**
 * What {@code rightsize} recommends for one guest.
 *
 * @param verdict              {@code ok}, {@code oversized}, {@code saturated} or {@code no-data}
 * @param cpuP95               95th percentile of CPUs in use
 * @param memoryP95MiB         95th percentile of memory in use, MiB
 * @param memorySource         {@code guest} (the guest's own figure) or {@code host} (the host's view only: a VM
 *                             without balloon driver, whose memory is then not sized down)
 * @param command              the {@code scale} command that applies it, {@code ""} when nothing changes; shown,
 *                             never run
 */
public record Recommendation(int vmid, String name, String type, String node, String verdict, int cores,
                             int recommendedCores, double cpuP95, long memoryMiB, long recommendedMemoryMiB,
                             long memoryP95MiB, String memorySource, int samples, String command, List<String> notes) {
    public Recommendation {
        notes = List.copyOf(notes);
    }
}
