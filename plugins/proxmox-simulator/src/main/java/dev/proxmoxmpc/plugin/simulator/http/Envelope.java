package dev.proxmoxmpc.plugin.simulator.http;

/**
 * A {@code data} value with the siblings PVE's formatter may add: {@code total} (task logs and task lists) and
 * {@code changes} (the staged network configuration's diff).
 *
 * @param total   the sibling {@code total}, or -1 for none
 * @param changes the sibling {@code changes}, or {@code null} for none
 */
public record Envelope(Object data, long total, String changes) {
    /** A {@code data} value with a sibling {@code total}. */
    public Envelope(Object data, long total) {
        this(data, total, null);
    }

    /** @return {@code data} with a sibling {@code changes} when {@code changes} is not {@code null}. */
    public static Envelope withChanges(Object data, String changes) {
        return new Envelope(data, -1, changes);
    }
}
