package dev.proxmoxmpc.spi.command;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * How a command ended. Output has already gone to the console; {@code message} is a final one-line summary
 * for failures ({@code ""} when none).
 */
@API(status = STABLE, since = "1.0")
public record CommandResult(ExitCode exitCode, String message) {
    public CommandResult {
        Objects.requireNonNull(exitCode, "exitCode");
        Objects.requireNonNull(message, "message");
    }

    public static CommandResult ok() {
        return new CommandResult(ExitCode.OK, "");
    }

    public static CommandResult failure(String message) {
        return new CommandResult(ExitCode.FAILURE, message);
    }

    public static CommandResult usage(String message) {
        return new CommandResult(ExitCode.USAGE, message);
    }

    /** Success, with changes pending (exit 3 under {@code --detailed-exitcode}). */
    public static CommandResult changesPending() {
        return new CommandResult(ExitCode.CHANGES_PENDING, "");
    }

    /** @return whether the command succeeded (with or without changes pending). */
    public boolean succeeded() {
        return exitCode == ExitCode.OK || exitCode == ExitCode.CHANGES_PENDING;
    }
}
