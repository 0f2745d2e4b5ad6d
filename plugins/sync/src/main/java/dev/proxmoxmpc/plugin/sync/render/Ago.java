package dev.proxmoxmpc.plugin.sync.render;

import java.time.Duration;
import java.time.Instant;

/** Human durations: {@code just now}, {@code 12 minutes ago}, {@code 3 days ago}. */
public final class Ago {
    private Ago() {}

    public static String since(Instant then, Instant now) {
        long s = Math.max(0, Duration.between(then, now).getSeconds());
        if (s < 45) {
            return "just now";
        }
        if (s < 3600) {
            return plural(Math.max(1, Math.round(s / 60.0)), "minute");
        }
        if (s < 86400) {
            return plural(s / 3600, "hour");
        }
        return plural(s / 86400, "day");
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s") + " ago";
    }
}
