package dev.proxmoxmpc.plugin.proxmox;

import dev.proxmoxmpc.spi.provider.Endpoint;
import java.net.URI;
import java.time.Duration;

/** Endpoints for tests. */
public final class Endpoints {
    private Endpoints() {}

    public static Endpoint token(URI url, String fingerprint, String tokenId, String secret) {
        return new Endpoint("test", url, tokenId, secret, "", "", Endpoint.Tls.pinned(fingerprint), Duration.ofSeconds(10), 8);
    }

    public static Endpoint token(URI url, String fingerprint) {
        return token(url, fingerprint, "root@pam!mpc", "11111111-2222-3333-4444-555555555555");
    }

    public static Endpoint withTls(Endpoint e, Endpoint.Tls tls) {
        return new Endpoint(e.name(), e.url(), e.tokenId(), e.tokenSecret(), e.username(), e.password(), tls, e.timeout(), e.concurrency());
    }

    public static Endpoint password(URI url, String fingerprint, String user, String password) {
        return new Endpoint("test", url, "", "", user, password, Endpoint.Tls.pinned(fingerprint), Duration.ofSeconds(10), 4);
    }
}
