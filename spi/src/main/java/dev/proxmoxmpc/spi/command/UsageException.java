package dev.proxmoxmpc.spi.command;

/** The command line is wrong (unknown flag, missing argument, bad value): exit code 2, one-line message. */
public class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
