package dev.proxmoxmpc.plugin.resources.state;

import dev.proxmoxmpc.spi.state.StateStore;
import dev.proxmoxmpc.spi.state.SyncRun;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** How old the local picture of the server is: the last /sync, or a refresh just now. */
public final class Freshness {
    private Freshness() {}

    /** @return the time of the last sync, if any. */
    public static Optional<Instant> lastSync(StateStore state) {
        return state.lastSyncRun().map(SyncRun::time);
    }

    /** @return {@code local state, last synced 5 minutes ago (2026-11-25T20:55:00Z)} or a never-synced line. */
    public static String line(Optional<Instant> lastSync, Instant now, boolean refreshed) {
        if (refreshed) {
            return "server state refreshed just now";
        }
        return lastSync.map(t -> "local state, last synced " + ago(Duration.between(t, now)) + " (" + t + "); --refresh reads the server")
                .orElse("local state, never synced with the server; run /sync or use --refresh");
    }

    /** @return {@code 42 seconds ago}, {@code 5 minutes ago}, {@code 3 hours ago}, {@code 2 days ago}. */
    public static String ago(Duration d) {
        long s = Math.max(0, d.getSeconds());
        if (s < 60) {
            return s + (s == 1 ? " second" : " seconds") + " ago";
        }
        if (s < 3600) {
            return plural(s / 60, "minute") + " ago";
        }
        if (s < 86400) {
            return plural(s / 3600, "hour") + " ago";
        }
        return plural(s / 86400, "day") + " ago";
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
