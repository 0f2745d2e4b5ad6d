package dev.proxmoxmpc.plugin.proxmox.http;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trusts exactly one server certificate, identified by its SHA-256 fingerprint (PVE's self-signed node
 * certificates). Being an {@link X509ExtendedTrustManager}, it replaces the JDK's hostname check, which a pinned
 * certificate makes redundant. With a {@code null} pin it trusts everything (insecure mode and
 * {@code peekFingerprint}); it always remembers the last fingerprint it saw.
 */
final class PinnedTrustManager extends X509ExtendedTrustManager {
    private final String pinned;
    private final AtomicReference<String> lastSeen = new AtomicReference<>("");

    /** @param pinned the fingerprint to accept, or {@code null} to accept any certificate */
    PinnedTrustManager(String pinned) {
        this.pinned = pinned == null ? null : Fingerprints.normalize(pinned);
    }

    /** @return the fingerprint of the last server certificate seen, or {@code ""}. */
    String lastSeen() {
        return lastSeen.get();
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("server sent no certificate");
        }
        String actual = Fingerprints.sha256(chain[0]);
        lastSeen.set(actual);
        if (pinned != null && !pinned.equals(actual)) {
            throw new CertificateException("fingerprint mismatch: server " + actual + ", pinned " + pinned);
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        checkServerTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        checkServerTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("client certificates are not checked here");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
