package dev.proxmoxmpc.plugin.simulator.guest;

import dev.proxmoxmpc.plugin.simulator.state.Cluster;
import dev.proxmoxmpc.plugin.simulator.state.Guest;
import java.util.Map;

/**
 * How busy a guest is at a given second: CPU and memory as fractions of what it has, deterministic in (VMID, time)
 * so that {@code /cluster/resources} and {@code rrddata} tell the same story and a test sees the same series twice.
 * Most guests follow a daily wave around a level stable per guest; the demo cluster has one clearly oversized guest
 * (VM 102 {@code db-01}: 16 GiB, a tenth of it used, idle CPU) and one saturated one (VM 104 {@code app-01}: CPU and
 * memory near their limits), for right-sizing to find.
 */
public final class GuestLoad {
    /** Load profiles of the demo's guests by VMID (other scenarios: every guest {@link Profile#NORMAL}). */
    private static final Map<Integer, Profile> DEMO = Map.of(102, Profile.OVERSIZED, 104, Profile.SATURATED);

    /** A guest's load pattern. */
    public enum Profile { NORMAL, OVERSIZED, SATURATED }

    private GuestLoad() {
    }

    /** @return the guest's profile in this cluster. */
    public static Profile profile(Cluster c, Guest g) {
        return c.name.equals("demo") ? DEMO.getOrDefault(g.vmid, Profile.NORMAL) : Profile.NORMAL;
    }

    /** @return CPU use at second {@code t} as a fraction of the guest's CPUs (0..1). */
    public static double cpu(Profile p, Guest g, long t) {
        double u = noise(g.vmid, t, 1);
        double d = wave(t);
        double v = switch (p) {
            case OVERSIZED -> 0.02 + 0.01 * d + 0.02 * u;
            case SATURATED -> 0.93 + 0.06 * u;
            case NORMAL -> 0.05 + (seed(g) % 20) / 100.0 + 0.05 * d + 0.04 * u;
        };
        return round(clamp(v, 0.001, 1.0), 4);
    }

    /** @return memory in use at second {@code t} as the guest sees it, as a fraction of its memory (0..1). */
    public static double mem(Profile p, Guest g, long t) {
        double u = noise(g.vmid, t, 2);
        double d = wave(t);
        double v = switch (p) {
            case OVERSIZED -> 0.10 + 0.01 * d + 0.02 * u;
            case SATURATED -> 0.95 + 0.04 * u;
            case NORMAL -> (30 + seed(g) % 40) / 100.0 + 0.03 * d + 0.02 * u;
        };
        return round(clamp(v, 0.01, 0.99), 4);
    }

    /**
     * @return memory the VM's process holds on the host ({@code memhost}), as a fraction of its memory: the guest's
     *     use plus page cache, and nearly all of it for a VM without balloon driver (Windows touches every page)
     */
    public static double memhost(Profile p, Guest g, long t) {
        if (!reportsBalloon(g)) {
            return round(0.95 + 0.03 * noise(g.vmid, t, 3), 4);
        }
        return round(Math.min(0.99, mem(p, g, t) + 0.15), 4);
    }

    /**
     * @return whether the VM reports its own memory use through the balloon driver; without it PVE 9 shows the
     *     host's view as {@code mem} too (a Windows VM without VirtIO drivers, {@code balloon: 0})
     */
    public static boolean reportsBalloon(Guest g) {
        return !"0".equals(g.config.get("balloon")) && !g.config.getOrDefault("ostype", "").startsWith("win");
    }

    /** @return bytes per second received, sent, read and written (the rates behind the counters). */
    public static long[] ioRates(Guest g) {
        int s = seed(g);
        return new long[] {1000 + s % 5000, 500 + s % 3000, 2000 + s % 9000, 1000 + s % 7000};
    }

    private static double wave(long t) {
        return Math.sin(2 * Math.PI * Math.floorMod(t, 86_400L) / 86_400.0);
    }

    /** @return a value in [0, 1) that depends only on its arguments. */
    static double noise(int vmid, long t, int channel) {
        long x = vmid * 0x9E3779B97F4A7C15L ^ t * 0xC2B2AE3D27D4EB4FL ^ channel * 0x165667B19E3779F9L;
        x ^= x >>> 33;
        x *= 0xFF51AFD7ED558CCDL;
        x ^= x >>> 33;
        return (x >>> 11) / (double) (1L << 53);
    }

    static int seed(Guest g) {
        return Math.abs(Integer.hashCode(g.vmid * 7919));
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    private static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }

    /** @return the current second, as {@link Cluster#now()}. */
    public static long now() {
        return Cluster.now();
    }
}
