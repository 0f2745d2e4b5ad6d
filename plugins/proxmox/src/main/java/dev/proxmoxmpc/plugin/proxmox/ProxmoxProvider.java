package dev.proxmoxmpc.plugin.proxmox;

import dev.proxmoxmpc.plugin.proxmox.http.Peek;
import dev.proxmoxmpc.spi.provider.Endpoint;
import dev.proxmoxmpc.spi.provider.InfrastructureProvider;
import dev.proxmoxmpc.spi.provider.ProviderException;
import dev.proxmoxmpc.spi.provider.ProviderSession;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.pf4j.Extension;

/** The Proxmox VE provider: REST client, discovery and change executor for {@code /api2/json}. */
@Extension
public class ProxmoxProvider implements InfrastructureProvider {
    /** The provider id used in config. */
    public static final String ID = "proxmox";

    public ProxmoxProvider() {
        // PF4J needs a public no-arg constructor
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public ProviderSession connect(Endpoint endpoint) {
        check(endpoint);
        return new ProxmoxSession(endpoint);
    }

    /** A session that keeps storage content lists in {@code cacheDir} for {@code CACHED} and {@code CACHE_ONLY} reads. */
    @Override
    public ProviderSession connect(Endpoint endpoint, Path cacheDir) {
        Objects.requireNonNull(cacheDir, "cacheDir");
        check(endpoint);
        return new ProxmoxSession(endpoint, cacheDir);
    }

    private static void check(Endpoint endpoint) {
        String scheme = endpoint.url().getScheme();
        if (!"https".equalsIgnoreCase(scheme)) {
            throw new ProviderException(ProviderException.Kind.INVALID, "the Proxmox VE API is HTTPS only: use https://"
                    + endpoint.url().getHost() + ":8006 instead of " + endpoint.url());
        }
        if (!endpoint.usesToken() && endpoint.username().isEmpty()) {
            throw new ProviderException(ProviderException.Kind.AUTHENTICATION, "no credentials for " + endpoint.url()
                    + ": configure an API token (tokenId user@realm!name and its secret) or a user name and password");
        }
    }

    @Override
    public Optional<String> peekFingerprint(URI url) {
        return Optional.of(Peek.fingerprint(url, Duration.ofSeconds(10)));
    }
}
