package dev.proxmoxmpc.spi.command;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/** The command line is wrong (unknown flag, missing argument, bad value): exit code 2, one-line message. */
@API(status = STABLE, since = "1.0")
public class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
