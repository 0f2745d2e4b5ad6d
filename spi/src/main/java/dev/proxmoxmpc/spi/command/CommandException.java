package dev.proxmoxmpc.spi.command;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/** A command failed for a reason the user can act on: exit code 1, the message shown as one line. */
@API(status = STABLE, since = "1.0")
public class CommandException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CommandException(String message) {
        super(message);
    }

    public CommandException(String message, Throwable cause) {
        super(message, cause);
    }
}
