package dev.proxmoxmpc.plugin.monitoring.health;

import dev.proxmoxmpc.spi.command.Args;
import dev.proxmoxmpc.spi.command.UsageException;
import java.util.List;
import java.util.Set;

/**
 * What {@code health} was asked for.
 *
 * @param json   the report as JSON
 * @param nagios the monitoring-plugin convention: one status line, exit 0 ok, 1 warning, 2 critical, 3 unknown
 */
public record HealthOptions(boolean json, boolean nagios) {

    /** @throws UsageException for a bad command line */
    public static HealthOptions parse(List<String> words, boolean jsonRequested) {
        Args a = Args.parse(words, Set.of(), Set.of("--json", "--nagios"));
        if (!a.positionals().isEmpty()) {
            throw new UsageException("unexpected argument '" + a.positionals().get(0) + "'");
        }
        boolean json = a.flag("--json") || jsonRequested;
        if (json && a.flag("--nagios")) {
            throw new UsageException("--json and --nagios cannot be combined");
        }
        return new HealthOptions(json, a.flag("--nagios"));
    }
}
