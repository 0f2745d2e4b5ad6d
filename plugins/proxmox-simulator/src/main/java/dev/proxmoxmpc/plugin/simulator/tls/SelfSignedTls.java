package dev.proxmoxmpc.plugin.simulator.tls;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.Locale;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Certificates generated at start as a PVE cluster has them: a cluster CA like {@code pve-root-ca.pem} and, signed by
 * it, the node's {@code pve-ssl.pem} for {@code 127.0.0.1}/{@code localhost}; and the server's SSL context, which
 * presents the node certificate with the CA behind it.
 */
public final class SelfSignedTls {
    private final SSLContext context;
    private final X509Certificate certificate;
    private final X509Certificate ca;
    private final String fingerprint;

    private SelfSignedTls(SSLContext context, X509Certificate certificate, X509Certificate ca, String fingerprint) {
        this.context = context;
        this.certificate = certificate;
        this.ca = ca;
        this.fingerprint = fingerprint;
    }

    /** Generates a fresh EC cluster CA and node certificate, valid for a year. */
    public static SelfSignedTls generate(String nodeName) {
        try {
            KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
            gen.initialize(256);
            KeyPair caKeys = gen.generateKeyPair();
            KeyPair keys = gen.generateKeyPair();
            Instant now = Instant.now();
            Date from = Date.from(now.minus(Duration.ofDays(1)));
            Date until = Date.from(now.plus(Duration.ofDays(365)));
            JcaX509ExtensionUtils ids = new JcaX509ExtensionUtils();
            X500Name issuer = new X500Name("CN=Proxmox Virtual Environment,OU=proxmox-mpc simulator,O=PVE Cluster Manager CA");
            JcaX509v3CertificateBuilder root = new JcaX509v3CertificateBuilder(issuer,
                    new BigInteger(64, new SecureRandom()), from, until, issuer, caKeys.getPublic());
            root.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            root.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            root.addExtension(Extension.subjectKeyIdentifier, false, ids.createSubjectKeyIdentifier(caKeys.getPublic()));
            X509Certificate ca = new JcaX509CertificateConverter().getCertificate(
                    root.build(new JcaContentSignerBuilder("SHA256withECDSA").build(caKeys.getPrivate())));
            X500Name subject = new X500Name("CN=" + nodeName + ".simulator,OU=PVE Cluster Node,O=Proxmox Virtual Environment");
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer,
                    new BigInteger(64, new SecureRandom()), from, until, subject, keys.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyAgreement));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            builder.addExtension(Extension.authorityKeyIdentifier, false, ids.createAuthorityKeyIdentifier(ca));
            builder.addExtension(Extension.subjectKeyIdentifier, false, ids.createSubjectKeyIdentifier(keys.getPublic()));
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                new GeneralName(GeneralName.dNSName, "localhost")}));
            X509Certificate cert = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(caKeys.getPrivate())));
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            char[] pass = "simulator".toCharArray();
            store.setKeyEntry("pve-ssl", keys.getPrivate(), pass, new Certificate[] {cert, ca});
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(store, pass);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), null, new SecureRandom());
            return new SelfSignedTls(ctx, cert, ca, fingerprintOf(cert));
        } catch (Exception e) {
            throw new IllegalStateException("cannot generate the simulator's TLS certificate: " + e.getMessage(), e);
        }
    }

    /** @return a certificate in PEM form, as pve-root-ca.pem and pve-ssl.pem hold it */
    public static String pem(X509Certificate cert) {
        try {
            return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(cert.getEncoded()) + "\n-----END CERTIFICATE-----\n";
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the SHA-256 fingerprint as colon-separated upper-case hex, as PVE reports {@code ssl_fingerprint}. */
    public static String fingerprintOf(X509Certificate cert) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(cert.getEncoded());
        return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest).toUpperCase(Locale.ROOT);
    }

    public SSLContext context() {
        return context;
    }

    public X509Certificate certificate() {
        return certificate;
    }

    public String fingerprint() {
        return fingerprint;
    }

    /** @return the cluster CA that signed {@link #certificate()} (what a node keeps in /etc/pve/pve-root-ca.pem) */
    public X509Certificate caCertificate() {
        return ca;
    }
}
