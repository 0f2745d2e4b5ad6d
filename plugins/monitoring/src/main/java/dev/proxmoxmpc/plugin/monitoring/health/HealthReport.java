package dev.proxmoxmpc.plugin.monitoring.health;

import dev.proxmoxmpc.spi.command.ExitCode;
import java.util.List;

/**
 * Every check and the overall status: the JSON of {@code health --json}.
 *
 * @param status the worst status of the checks
 * @param checks the checks, in a fixed order
 */
public record HealthReport(Status status, List<Check> checks) {
    public HealthReport {
        checks = List.copyOf(checks);
    }

    /** @return the report of these checks */
    public static HealthReport of(List<Check> checks) {
        Status worst = Status.OK;
        for (Check c : checks) {
            worst = worst.worst(c.status());
        }
        return new HealthReport(worst, checks);
    }

    /** @return the tool's convention: 1 when something is critical or could not be told, else 0 (warnings too) */
    public ExitCode exitCode() {
        return status == Status.CRITICAL || status == Status.UNKNOWN ? ExitCode.FAILURE : ExitCode.OK;
    }

    /** @return the monitoring-plugin convention: 0 ok, 1 warning, 2 critical, 3 unknown */
    public ExitCode nagiosExitCode() {
        return switch (status) {
            case WARNING -> ExitCode.FAILURE;
            case CRITICAL -> ExitCode.CRITICAL;
            case UNKNOWN -> ExitCode.UNKNOWN;
            default -> ExitCode.OK;
        };
    }
}
