package dev.proxmoxmpc.spi.state;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Instant;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One change of an /apply in the apply journal: written as {@link Status#INTENT} before the change is sent to the
 * server and rewritten with its outcome after, each in its own transaction. An entry still at {@code INTENT} after
 * its process ended is a change whose fate is unknown (the process was killed): the next run reconciles it with the
 * server and settles it ({@code ADOPTED}, {@code NOT_DONE}, {@code UNKNOWN}).
 *
 * @param run     the apply run ({@code 20261206T170102Z-4242}), shared by its entries
 * @param seq     the change's position in the run, from 1
 * @param time    when the entry was last written
 * @param action  the change action ({@code CREATE}, {@code UPDATE}, ...)
 * @param target  the resource ({@code vm/112}, {@code container/200}, {@code network/pve1/vmbr1})
 * @param node    the node the change runs on, or {@code ""}
 * @param summary the change in words ({@code create vm/112 kill-1})
 * @param status  where it stands
 * @param detail  the task id, the failure or how it was settled; {@code ""} when nothing to add; never a secret
 */
@API(status = EXPERIMENTAL, since = "1.0")
public record JournalEntry(String run, int seq, Instant time, String action, String target, String node, String summary,
                           Status status, String detail) {
    /** Where a journaled change stands. */
    @API(status = EXPERIMENTAL, since = "1.0")
    public enum Status {
        /** Recorded before the change was sent; no outcome yet. */
        INTENT,
        /** The server carried it out. */
        SUCCEEDED,
        /** The server refused it or its task failed. */
        FAILED,
        /** Found done on the server after its process died: taken into the agreed state. */
        ADOPTED,
        /** Found not done on the server after its process died: planned again. */
        NOT_DONE,
        /** Cannot be told from the server (an update may or may not have landed): planned from what the server shows. */
        UNKNOWN;

        /** @return whether the entry still waits for an outcome. */
        public boolean open() {
            return this == INTENT;
        }
    }

    public JournalEntry {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(detail, "detail");
        if (seq < 1) {
            throw new IllegalArgumentException("seq must be >= 1, got " + seq);
        }
    }

    /** @return this entry with another status, detail and time. */
    public JournalEntry settled(Status newStatus, String newDetail, Instant at) {
        return new JournalEntry(run, seq, at, action, target, node, summary, newStatus, newDetail);
    }
}
