package dev.proxmoxmpc.spi.state;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/** The state store cannot be used (corrupt database, migration failure, I/O); the message is one line. */
@API(status = STABLE, since = "1.0")
public class StateException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StateException(String message) {
        super(message);
    }

    public StateException(String message, Throwable cause) {
        super(message, cause);
    }
}
