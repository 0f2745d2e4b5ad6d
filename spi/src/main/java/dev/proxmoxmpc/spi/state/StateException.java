package dev.proxmoxmpc.spi.state;

/** The state store cannot be used (corrupt database, migration failure, I/O); the message is one line. */
public class StateException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StateException(String message) {
        super(message);
    }

    public StateException(String message, Throwable cause) {
        super(message, cause);
    }
}
