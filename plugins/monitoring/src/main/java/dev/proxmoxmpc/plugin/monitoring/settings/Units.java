package dev.proxmoxmpc.plugin.monitoring.settings;

import java.util.Locale;

/** Numbers for people: bytes in binary units, fractions as percentages. */
public final class Units {
    private static final String[] SUFFIX = {"B", "K", "M", "G", "T", "P"};

    private Units() {
    }

    /** @return {@code 512B}, {@code 1.5K}, {@code 16.0G} */
    public static String bytes(double bytes) {
        double v = Math.max(0, bytes);
        int i = 0;
        while (v >= 1024 && i < SUFFIX.length - 1) {
            v /= 1024;
            i++;
        }
        return i == 0 ? String.format(Locale.ROOT, "%.0fB", v) : String.format(Locale.ROOT, "%.1f%s", v, SUFFIX[i]);
    }

    /** @return {@code 12.5K/s} */
    public static String rate(double bytesPerSecond) {
        return bytes(bytesPerSecond) + "/s";
    }

    /** @return {@code 42.0%} */
    public static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f%%", fraction * 100);
    }
}
