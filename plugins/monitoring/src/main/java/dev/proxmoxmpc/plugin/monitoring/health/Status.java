package dev.proxmoxmpc.plugin.monitoring.health;

/** A check's outcome, worst last; {@link #SKIPPED} (could not be checked, with the reason) never makes it worse. */
public enum Status {
    SKIPPED, OK, WARNING, CRITICAL, UNKNOWN;

    /** @return the worse of the two */
    Status worst(Status other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
