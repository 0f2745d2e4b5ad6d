package dev.proxmoxmpc.spi.provider;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * A server that cannot be used: the message is one line a user can act on
 * ({@code TLS: server certificate fingerprint AA:BB:.. does not match the pinned one; run /init --fingerprint ..}).
 */
@API(status = STABLE, since = "1.0")
public class ProviderException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What went wrong, for callers that react differently (retry, ask to re-init, ...). */
    @API(status = STABLE, since = "1.0")
    public enum Kind { AUTHENTICATION, PERMISSION, NOT_FOUND, LOCKED, CONFLICT, CONNECTION, TLS, TIMEOUT, SERVER, INVALID }

    private final Kind kind;

    public ProviderException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public ProviderException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
