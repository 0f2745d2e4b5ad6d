package dev.proxmoxmpc.plugin.simulator.state;

import java.util.Locale;

/** Disk sizes as PVE writes them ({@code 8G}, {@code 512M}, {@code 528K}) and reads them ({@code +2G}, {@code 10G}). */
public final class Sizes {
    public static final long KIB = 1024;
    public static final long MIB = KIB * 1024;
    public static final long GIB = MIB * 1024;
    public static final long TIB = GIB * 1024;

    private Sizes() {
    }

    public static String format(long bytes) {
        if (bytes > 0 && bytes % TIB == 0) {
            return bytes / TIB + "T";
        }
        if (bytes > 0 && bytes % GIB == 0) {
            return bytes / GIB + "G";
        }
        if (bytes > 0 && bytes % MIB == 0) {
            return bytes / MIB + "M";
        }
        if (bytes > 0 && bytes % KIB == 0) {
            return bytes / KIB + "K";
        }
        return Long.toString(bytes);
    }

    /** Parses {@code 10G}, {@code 10.5G}, {@code 512M}, {@code 1024} (bytes); a unit-less value is bytes. */
    public static long parse(String text) {
        String t = text.trim().toUpperCase(Locale.ROOT);
        long unit = 1;
        char last = t.isEmpty() ? ' ' : t.charAt(t.length() - 1);
        switch (last) {
            case 'K' -> unit = KIB;
            case 'M' -> unit = MIB;
            case 'G' -> unit = GIB;
            case 'T' -> unit = TIB;
            default -> { }
        }
        String num = unit == 1 ? t : t.substring(0, t.length() - 1);
        return Math.round(Double.parseDouble(num) * unit);
    }
}
