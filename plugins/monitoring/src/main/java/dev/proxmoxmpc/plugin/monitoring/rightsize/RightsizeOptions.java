package dev.proxmoxmpc.plugin.monitoring.rightsize;

import dev.proxmoxmpc.plugin.monitoring.settings.Spans;
import dev.proxmoxmpc.spi.command.Args;
import dev.proxmoxmpc.spi.command.UsageException;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * What {@code rightsize} was asked for.
 *
 * @param sinceText the window as typed ({@code 7d})
 * @param since     the window
 * @param json      the report as JSON
 */
public record RightsizeOptions(String sinceText, Duration since, boolean json) {

    /** @throws UsageException for a bad command line */
    public static RightsizeOptions parse(List<String> words, boolean jsonRequested) {
        Args a = Args.parse(words, Set.of("--since"), Set.of("--json"));
        if (!a.positionals().isEmpty()) {
            throw new UsageException("unexpected argument '" + a.positionals().get(0) + "'");
        }
        String since = a.value("--since", "7d");
        Duration d = Spans.parse("--since", since);
        if (d.compareTo(Duration.ofDays(365)) > 0) {
            throw new UsageException("--since can reach back a year at most, got '" + since + "'");
        }
        return new RightsizeOptions(since, d, a.flag("--json") || jsonRequested);
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
