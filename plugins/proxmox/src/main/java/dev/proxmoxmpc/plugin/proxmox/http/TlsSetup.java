package dev.proxmoxmpc.plugin.proxmox.http;

import dev.proxmoxmpc.spi.provider.Endpoint;
import dev.proxmoxmpc.spi.provider.ProviderException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * Builds the {@link SSLContext} for an endpoint's TLS mode: pinned fingerprint, CA file, system CAs, or
 * (only when asked) no verification at all.
 */
public final class TlsSetup {
    private final SSLContext context;
    private final PinnedTrustManager pinnedManager;

    private TlsSetup(SSLContext context, PinnedTrustManager pinnedManager) {
        this.context = context;
        this.pinnedManager = pinnedManager;
    }

    /** @return the TLS setup for {@code tls}; throws a TLS {@link ProviderException} for an unreadable CA file. */
    public static TlsSetup of(Endpoint.Tls tls) {
        try {
            if (tls.insecure()) {
                PinnedTrustManager any = new PinnedTrustManager(null);
                return new TlsSetup(context(any), any);
            }
            if (!tls.fingerprint().isEmpty()) {
                PinnedTrustManager pinned = new PinnedTrustManager(tls.fingerprint());
                return new TlsSetup(context(pinned), pinned);
            }
            if (!tls.caFile().isEmpty()) {
                return new TlsSetup(context(caTrust(Path.of(tls.caFile())).getTrustManagers()), null);
            }
            return new TlsSetup(SSLContext.getDefault(), null);
        } catch (GeneralSecurityException | IOException e) {
            throw new ProviderException(ProviderException.Kind.TLS,
                    "TLS: cannot use CA file '" + tls.caFile() + "': " + e.getMessage() + "; give a PEM CA bundle", e);
        }
    }

    /** @return a context that trusts any certificate and remembers the last fingerprint seen. */
    static TlsSetup trustAll() {
        try {
            PinnedTrustManager any = new PinnedTrustManager(null);
            return new TlsSetup(context(any), any);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public SSLContext context() {
        return context;
    }

    /** @return the fingerprint the server last presented, when this mode records it. */
    public Optional<String> lastSeenFingerprint() {
        return pinnedManager == null || pinnedManager.lastSeen().isEmpty()
                ? Optional.empty() : Optional.of(pinnedManager.lastSeen());
    }

    private static SSLContext context(TrustManager... managers) throws GeneralSecurityException {
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, managers, null);
        return ctx;
    }

    private static TrustManagerFactory caTrust(Path pem) throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        CertificateFactory cf = CertificateFactory.getInstance("X.509");
        int i = 0;
        try (InputStream in = Files.newInputStream(pem)) {
            for (Certificate c : cf.generateCertificates(in)) {
                store.setCertificateEntry("ca-" + i++, c);
            }
        }
        if (i == 0) {
            throw new IOException("no certificate in file");
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        return tmf;
    }
}
