package dev.proxmoxmpc.plugin.proxmox.http;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;

/** SHA-256 certificate fingerprints in the form PVE shows them: colon-separated upper-case hex. */
public final class Fingerprints {
    private Fingerprints() {}

    /** @return the SHA-256 fingerprint of the certificate ({@code AB:CD:...}, 32 bytes). */
    public static String sha256(X509Certificate cert) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(cert.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot fingerprint certificate", e);
        }
    }

    /** @return the fingerprint normalised for comparison: upper case, colons kept, spaces dropped. */
    public static String normalize(String fingerprint) {
        String hex = fingerprint.trim().replaceAll("[:\\s-]", "").toUpperCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < hex.length(); i += 2) {
            if (sb.length() > 0) {
                sb.append(':');
            }
            sb.append(hex, i, Math.min(i + 2, hex.length()));
        }
        return sb.toString();
    }
}
