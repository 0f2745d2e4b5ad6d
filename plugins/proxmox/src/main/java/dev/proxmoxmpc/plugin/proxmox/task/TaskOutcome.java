package dev.proxmoxmpc.plugin.proxmox.task;

import java.util.List;
import java.util.Objects;

/**
 * How a task ended.
 *
 * @param upid       the task
 * @param exitStatus {@code OK}, {@code WARNINGS: n}, or the error text
 * @param logTail    the last log lines (filled on failure)
 */
public record TaskOutcome(String upid, String exitStatus, List<String> logTail) {
    public TaskOutcome {
        Objects.requireNonNull(upid, "upid");
        Objects.requireNonNull(exitStatus, "exitStatus");
        logTail = List.copyOf(logTail);
    }

    /** @return true for {@code OK} and {@code WARNINGS: n}, the two statuses PVE counts as success. */
    public boolean ok() {
        return exitStatus.equals("OK") || exitStatus.startsWith("WARNINGS");
    }
}
