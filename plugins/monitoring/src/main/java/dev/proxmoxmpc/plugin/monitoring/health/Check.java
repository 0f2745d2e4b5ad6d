package dev.proxmoxmpc.plugin.monitoring.health;

import java.util.List;
import java.util.Objects;

/**
 * One health check's outcome.
 *
 * @param name    {@code nodes}, {@code quorum}, {@code storage}, {@code ha}, {@code tasks}, {@code backups},
 *                {@code certificates}
 * @param status  its status
 * @param summary one line ({@code 3 of 3 nodes online})
 * @param details one line per finding ({@code local-lvm on pve1: 93.1% used})
 */
public record Check(String name, Status status, String summary, List<String> details) {
    public Check {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(summary, "summary");
        details = List.copyOf(details);
    }

    static Check ok(String name, String summary) {
        return new Check(name, Status.OK, summary, List.of());
    }

    static Check skipped(String name, String reason) {
        return new Check(name, Status.SKIPPED, reason, List.of());
    }
}
