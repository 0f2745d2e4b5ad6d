package dev.proxmoxmpc.kernel.init;

import dev.proxmoxmpc.kernel.config.ConfigDocument;
import dev.proxmoxmpc.kernel.config.ConfigStore;
import dev.proxmoxmpc.spi.kernel.Workspace;
import dev.proxmoxmpc.spi.provider.ApiData;
import dev.proxmoxmpc.spi.provider.ProviderException;
import dev.proxmoxmpc.spi.provider.ProviderSession;
import dev.proxmoxmpc.spi.provider.ServerInfo;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The server key's pin in curl's {@code --pinnedpubkey} form, {@code sha256//BASE64} (the SHA-256 of the certificate's
 * DER SubjectPublicKeyInfo), recorded by /init beside the pinned fingerprint ({@code tls.pinned_public_key}) for the
 * generated scripts: curl cannot pin a certificate fingerprint, but it can pin the key. It is read off the node's
 * certificates ({@code /nodes/{node}/certificates/info}: {@code pveproxy-ssl.pem} or {@code pve-ssl.pem}), taking the one
 * whose fingerprint is the pinned one, so the key is the one /init already trusts.
 */
final class PublicKeyPin {
    private PublicKeyPin() {}

    /** @return the pin of the certificate that has the pinned fingerprint, or empty (no fingerprint, no answer, none) */
    static Optional<String> fromServer(InitRequest req, ProviderSession session, ServerInfo info) {
        String node = !req.node().isEmpty() ? req.node() : info.nodes().isEmpty() ? "" : info.nodes().get(0);
        if (req.fingerprint().isEmpty() || node.isEmpty()) {
            return Optional.empty();
        }
        try {
            return of(session.read("/nodes/" + node + "/certificates/info", Map.of()).rows(), req.fingerprint());
        } catch (ProviderException e) { // ClusterCa already warns when this read fails
            return Optional.empty();
        }
    }

    /** @return the pin of the certificate among {@code rows} (their {@code pem}) whose SHA-256 fingerprint is {@code fingerprint} */
    static Optional<String> of(List<Map<String, Object>> rows, String fingerprint) {
        String wanted = fingerprint.toUpperCase(Locale.ROOT);
        for (Map<String, Object> row : rows) {
            Optional<X509Certificate> cert = certificate(ApiData.string(row, "pem"));
            if (cert.isPresent() && fingerprint(cert.get()).equals(wanted)) {
                return Optional.of(pin(cert.get()));
            }
        }
        return Optional.empty();
    }

    /** @return {@code sha256//} and the base64 of the SHA-256 of the certificate's public key (DER SubjectPublicKeyInfo) */
    static String pin(X509Certificate cert) {
        return "sha256//" + Base64.getEncoder().encodeToString(sha256(cert.getPublicKey().getEncoded()));
    }

    /** Writes the pin into config.yml beside the environment's fingerprint. */
    static void save(Workspace ws, String environment, String pin) {
        ConfigStore store = new ConfigStore(ws);
        ConfigDocument doc = store.read();
        ConfigDocument.EnvironmentDocument env = doc.environments.get(environment);
        if (env != null) {
            env.tls.pinnedPublicKey = pin;
            store.write(doc);
        }
    }

    private static Optional<X509Certificate> certificate(String pem) {
        if (pem.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of((X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII))));
        } catch (GeneralSecurityException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String fingerprint(X509Certificate cert) {
        try {
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(sha256(cert.getEncoded()));
        } catch (GeneralSecurityException e) {
            return "";
        }
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
