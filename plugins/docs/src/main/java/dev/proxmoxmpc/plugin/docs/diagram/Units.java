package dev.proxmoxmpc.plugin.docs.diagram;

import java.util.Locale;

/** Sizes for people: {@code 128 GiB}, {@code 1.5 TiB}. */
public final class Units {
    private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};

    private Units() {
    }

    /** @return the size in binary units, one decimal when below 10 and not whole. */
    public static String bytes(long bytes) {
        double v = bytes;
        int u = 0;
        while (v >= 1024 && u < UNITS.length - 1) {
            v /= 1024;
            u++;
        }
        if (v == Math.rint(v) || v >= 10) {
            return Math.round(v) + " " + UNITS[u];
        }
        return String.format(Locale.ROOT, "%.1f %s", v, UNITS[u]);
    }

    /** @return MiB as {@code 4 GiB} or {@code 512 MiB}. */
    public static String mib(long mib) {
        return bytes(mib * 1024 * 1024);
    }
}
