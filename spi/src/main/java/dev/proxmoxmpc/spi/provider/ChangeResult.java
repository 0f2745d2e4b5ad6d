package dev.proxmoxmpc.spi.provider;

import static org.apiguardian.api.API.Status.STABLE;

import dev.proxmoxmpc.spi.diag.Diagnostic;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The outcome of one {@link Change}.
 *
 * @param change         the change
 * @param status         succeeded, failed or skipped
 * @param message        one line: {@code OK}, or why it failed ({@code VM is locked (backup)})
 * @param taskId         the server task (UPID) or {@code ""}
 * @param logTail        the last lines of the task log on failure, may be empty
 * @param durationMillis how long it took
 * @param diagnostics    warnings the provider wants shown
 */
@API(status = STABLE, since = "1.0")
public record ChangeResult(Change change, Status status, String message, String taskId, List<String> logTail,
                           long durationMillis, List<Diagnostic> diagnostics) {

    /** How a change ended. */
    @API(status = STABLE, since = "1.0")
    public enum Status { SUCCEEDED, FAILED, SKIPPED }

    public ChangeResult {
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(taskId, "taskId");
        logTail = List.copyOf(logTail);
        diagnostics = List.copyOf(diagnostics);
    }

    public boolean succeeded() {
        return status == Status.SUCCEEDED;
    }

    public static ChangeResult ok(Change change, String taskId, long durationMillis) {
        return new ChangeResult(change, Status.SUCCEEDED, "OK", taskId, List.of(), durationMillis, List.of());
    }

    public static ChangeResult failed(Change change, String message, String taskId, List<String> logTail, long durationMillis) {
        return new ChangeResult(change, Status.FAILED, message, taskId, logTail, durationMillis, List.of());
    }

    public static ChangeResult skipped(Change change) {
        return skipped(change, "not attempted after an earlier failure");
    }

    /** @return a change not attempted, with why ({@code not attempted: cancelled}). */
    public static ChangeResult skipped(Change change, String why) {
        return new ChangeResult(change, Status.SKIPPED, why, "", List.of(), 0, List.of());
    }
}
