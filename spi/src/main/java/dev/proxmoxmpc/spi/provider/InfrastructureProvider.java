package dev.proxmoxmpc.spi.provider;

import static org.apiguardian.api.API.Status.STABLE;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import org.apiguardian.api.API;
import org.pf4j.ExtensionPoint;

/**
 * Talks to an infrastructure server (Proxmox VE). Found at run time by {@link #id()}; the kernel hands a
 * connected {@link ProviderSession} to commands through {@code KernelContext.connect()}.
 */
@API(status = STABLE, since = "1.0")
public interface InfrastructureProvider extends ExtensionPoint {

    /** @return the provider id used in config ({@code proxmox}); never null. */
    String id();

    /**
     * Opens a session. Verifies TLS as the endpoint asks; does not yet authenticate (the first call does).
     *
     * @param endpoint where and how to connect, not null
     * @return an open session; close it when done
     * @throws ProviderException with a one-line message when the endpoint is unusable
     */
    ProviderSession connect(Endpoint endpoint);

    /**
     * Opens a session that may keep answers of {@link ReadPolicy#CACHED} reads under {@code cacheDir} (the
     * environment's own directory below {@code .proxmox/cache/}). The default ignores the directory.
     *
     * @param endpoint where and how to connect, not null
     * @param cacheDir a directory the session may create and write, not null
     * @return an open session; close it when done
     * @throws ProviderException with a one-line message when the endpoint is unusable
     */
    default ProviderSession connect(Endpoint endpoint, Path cacheDir) {
        return connect(endpoint);
    }

    /**
     * Reads the server certificate's SHA-256 fingerprint without trusting it, so a user can decide to pin it
     * (like ssh's first connection). Blocks for one TLS handshake.
     *
     * @param url the server URL ({@code https://host:8006})
     * @return colon-separated upper-case hex, or empty when the provider cannot tell
     * @throws ProviderException when the server cannot be reached
     */
    default Optional<String> peekFingerprint(URI url) {
        return Optional.empty();
    }
}
