package dev.proxmoxmpc.plugin.monitoring.rightsize;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Recommends cores and memory from the 95th percentile of observed use plus headroom. Pure.
 *
 * <p>A resource whose p95 is at or above {@code saturation} of what the guest has is saturated: its real demand is
 * unknown (capped), so the recommendation is half as much again. A smaller size is only recommended when it saves at
 * least a quarter, so noise does not churn guests. A VM whose memory figure is the host's view only ({@code mem}
 * equals {@code memhost} in every sample: no balloon driver) is not sized down: the host sees memory the guest
 * once touched, not what it needs.
 */
public final class Rightsizer {
    static final long MIB = 1024 * 1024;
    private static final long STEP_MIB = 256;
    private static final long MIN_MIB = 512;
    private final double headroom;
    private final double saturation;

    /**
     * @param headroom   added to the p95 ({@code 0.3} = 30 %)
     * @param saturation fraction of the guest's size from which it is saturated ({@code 0.9})
     */
    public Rightsizer(double headroom, double saturation) {
        this.headroom = headroom;
        this.saturation = saturation;
    }

    public Recommendation recommend(GuestUsage g) {
        long memMiB = g.memory() / MIB;
        if (g.samples().isEmpty()) {
            return new Recommendation(g.vmid(), g.name(), g.type(), g.node(), "no-data", g.cpus(), g.cpus(), 0, memMiB,
                    memMiB, 0, "guest", 0, "", List.of("no RRD samples in the window"));
        }
        List<String> notes = new ArrayList<>();
        double cpuP95 = p95(g.samples().stream().mapToDouble(p -> p.cpu() * g.cpus()).toArray());
        boolean hostOnly = g.type().equals("qemu") && g.samples().stream().allMatch(p -> p.memhost() >= 0 && p.mem() == p.memhost());
        double memP95 = p95(g.samples().stream().mapToDouble(GuestUsage.Point::mem).toArray());
        boolean cpuSaturated = cpuP95 >= saturation * g.cpus();
        boolean memSaturated = !hostOnly && memP95 >= saturation * g.memory();
        int cores = Math.max(1, (int) Math.ceil(cpuP95 * (1 + headroom)));
        if (cpuSaturated) {
            cores = Math.max(g.cpus() + 1, (int) Math.ceil(g.cpus() * 1.5));
            notes.add("CPU p95 at " + pct(cpuP95 / g.cpus()) + " of its " + g.cpus() + " cores: demand is capped");
        } else if (cores > g.cpus() || cores > 0.75 * g.cpus()) {
            cores = g.cpus();
        }
        long mem = roundUp(memP95 * (1 + headroom) / MIB);
        if (hostOnly) {
            mem = memMiB;
            notes.add("memory is the host's view (no balloon driver reports the guest's use): not sized");
        } else if (memSaturated) {
            mem = Math.max(memMiB + STEP_MIB, roundUp(memMiB * 1.5));
            notes.add("memory p95 at " + pct(memP95 / g.memory()) + " of " + memMiB + " MiB: the guest needs more");
        } else if (mem > memMiB || mem > 0.75 * memMiB) {
            mem = memMiB;
        }
        String verdict = cpuSaturated || memSaturated ? "saturated" : cores < g.cpus() || mem < memMiB ? "oversized" : "ok";
        return new Recommendation(g.vmid(), g.name(), g.type(), g.node(), verdict, g.cpus(), cores,
                Math.round(cpuP95 * 100) / 100.0, memMiB, mem, Math.round(memP95 / MIB), hostOnly ? "host" : "guest",
                g.samples().size(), command(g, cores, mem, memMiB), notes);
    }

    private static String command(GuestUsage g, int cores, long mem, long memMiB) {
        StringBuilder b = new StringBuilder();
        if (cores != g.cpus()) {
            b.append(" --cores ").append(cores);
        }
        if (mem != memMiB) {
            b.append(" --memory ").append(mem);
        }
        return b.isEmpty() ? "" : "scale " + (g.type().equals("qemu") ? "vm" : "container") + " " + g.vmid() + b;
    }

    /** @return the 95th percentile (nearest rank) */
    static double p95(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int rank = (int) Math.ceil(0.95 * v.length);
        return v[Math.max(0, rank - 1)];
    }

    private static long roundUp(double mib) {
        return Math.max(MIN_MIB, (long) Math.ceil(mib / STEP_MIB) * STEP_MIB);
    }

    private static String pct(double f) {
        return Math.round(f * 100) + "%";
    }
}
