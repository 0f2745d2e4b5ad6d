package dev.proxmoxmpc.plugin.proxmox.http;

import dev.proxmoxmpc.spi.provider.ProviderException;

/** A {@link ProviderException} for an HTTP error answer, keeping the status for callers that react to it. */
public final class ApiException extends ProviderException {
    private static final long serialVersionUID = 1L;
    private final int status;

    ApiException(Kind kind, int status, String message) {
        super(kind, message);
        this.status = status;
    }

    /** @return the HTTP status ({@code 403}, {@code 500}, {@code 501}, ...). */
    public int status() {
        return status;
    }
}
