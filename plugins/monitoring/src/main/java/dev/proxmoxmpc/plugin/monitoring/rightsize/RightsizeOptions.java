package dev.proxmoxmpc.plugin.monitoring.rightsize;

import dev.proxmoxmpc.plugin.monitoring.settings.Spans;
import dev.proxmoxmpc.spi.command.UsageException;
import java.time.Duration;

/**
 * What {@code rightsize} was asked for.
 *
 * @param sinceText the window as typed ({@code 7d})
 * @param since     the window
 * @param json      the report as JSON
 */
public record RightsizeOptions(String sinceText, Duration since, boolean json) {

    /**
     * @param flag the option it came from, for the message
     * @return the window {@code text} names, a year at most
     * @throws UsageException when {@code text} is not a span or reaches back further than a year
     */
    public static Duration window(String flag, String text) {
        Duration d = Spans.parse(flag, text);
        if (d.compareTo(Duration.ofDays(365)) > 0) {
            throw new UsageException(flag + " can reach back a year at most, got '" + text + "'");
        }
        return d;
    }

    /** @return the RRD timeframe that covers the window with the finest steps */
    public String timeframe() {
        if (since.compareTo(Duration.ofHours(1)) <= 0) {
            return "hour";
        }
        if (since.compareTo(Duration.ofDays(1)) <= 0) {
            return "day";
        }
        if (since.compareTo(Duration.ofDays(7)) <= 0) {
            return "week";
        }
        return since.compareTo(Duration.ofDays(31)) <= 0 ? "month" : "year";
    }
}
