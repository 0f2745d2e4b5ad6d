package dev.proxmoxmpc.spi.provider;

import static org.apiguardian.api.API.Status.STABLE;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Where a provider connects and how it authenticates. {@link #toString()} never shows secrets.
 *
 * @param name        the environment name ({@code default}, {@code production})
 * @param url         the API base ({@code https://pve.example.com:8006})
 * @param tokenId     API token id {@code user@realm!name}, or {@code ""} for ticket auth
 * @param tokenSecret the token secret (UUID), or {@code ""}
 * @param username    {@code user@realm} for ticket auth, or {@code ""}
 * @param password    the password for ticket auth, or {@code ""}
 * @param tls         how the server certificate is verified
 * @param timeout     per-request timeout
 * @param concurrency maximum parallel requests during discovery and apply, at least 1
 */
@API(status = STABLE, since = "1.0")
public record Endpoint(String name, URI url, String tokenId, String tokenSecret, String username, String password,
                       Tls tls, Duration timeout, int concurrency) {

    public Endpoint {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(tokenId, "tokenId");
        Objects.requireNonNull(tokenSecret, "tokenSecret");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(timeout, "timeout");
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1");
        }
    }

    /** @return whether API-token auth is configured (preferred over tickets). */
    public boolean usesToken() {
        return !tokenId.isEmpty();
    }

    @Override
    public String toString() {
        return "Endpoint[" + name + " " + url + (usesToken() ? " token " + tokenId : " user " + username) + " " + tls + "]";
    }

    /**
     * TLS verification. Exactly one mode applies: a pinned fingerprint, a CA file, the system CAs, or none.
     *
     * @param fingerprint SHA-256 of the server certificate, colon-separated hex, or {@code ""}
     * @param caFile      path of a PEM CA bundle, or {@code ""}
     * @param insecure    skip verification entirely (warned about on every run)
     */
    @API(status = STABLE, since = "1.0")
    public record Tls(String fingerprint, String caFile, boolean insecure) {
        public Tls {
            Objects.requireNonNull(fingerprint, "fingerprint");
            Objects.requireNonNull(caFile, "caFile");
        }

        /** Verify against the system CAs. */
        public static Tls system() {
            return new Tls("", "", false);
        }

        /** Pin this fingerprint. */
        public static Tls pinned(String fingerprint) {
            return new Tls(fingerprint, "", false);
        }

        @Override
        public String toString() {
            if (insecure) {
                return "tls=insecure";
            }
            return !fingerprint.isEmpty() ? "tls=pinned" : !caFile.isEmpty() ? "tls=ca:" + caFile : "tls=system";
        }
    }
}
