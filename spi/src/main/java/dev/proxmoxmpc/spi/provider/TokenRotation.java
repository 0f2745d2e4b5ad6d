package dev.proxmoxmpc.spi.provider;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * An optional capability of a {@link ProviderSession}: give the API token a new secret on the server, keeping its id
 * and its permissions ({@code /token rotate}). A session that cannot does not implement it.
 */
@API(status = EXPERIMENTAL, since = "1.1")
public interface TokenRotation {

    /**
     * Regenerates the secret of {@code tokenId}; the old secret stops working at once. Blocks for one request.
     *
     * @param tokenId {@code user@realm!name}
     * @return the new secret (never logged by the provider; the caller must store it, it cannot be read again)
     * @throws ProviderException when the server refuses (e.g. the credential lacks the privilege) or cannot be reached
     */
    String regenerateToken(String tokenId);
}
