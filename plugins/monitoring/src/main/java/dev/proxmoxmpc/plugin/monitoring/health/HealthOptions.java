package dev.proxmoxmpc.plugin.monitoring.health;

import dev.proxmoxmpc.spi.command.UsageException;

/**
 * What {@code health} was asked for.
 *
 * @param json   the report as JSON
 * @param nagios the monitoring-plugin convention: one status line, exit 0 ok, 1 warning, 2 critical, 3 unknown
 */
public record HealthOptions(boolean json, boolean nagios) {

    /** @throws UsageException when both are asked for */
    public HealthOptions {
        if (json && nagios) {
            throw new UsageException("--json and --nagios cannot be combined");
        }
    }
}
