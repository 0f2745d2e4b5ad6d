package dev.proxmoxmpc.plugin.simulator.tls;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.Locale;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A certificate generated at start for {@code 127.0.0.1}/{@code localhost}, like a PVE node's pve-ssl.pem (issuer
 * "Proxmox Virtual Environment"), and the server's SSL context built from it.
 */
public final class SelfSignedTls {
    private final SSLContext context;
    private final X509Certificate certificate;
    private final String fingerprint;

    private SelfSignedTls(SSLContext context, X509Certificate certificate, String fingerprint) {
        this.context = context;
        this.certificate = certificate;
        this.fingerprint = fingerprint;
    }

    /** Generates a fresh EC key and certificate valid for a year. */
    public static SelfSignedTls generate(String nodeName) {
        try {
            KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
            gen.initialize(256);
            KeyPair keys = gen.generateKeyPair();
            Instant now = Instant.now();
            X500Name issuer = new X500Name("CN=Proxmox Virtual Environment,OU=proxmox-mpc simulator,O=PVE Cluster Manager CA");
            X500Name subject = new X500Name("CN=" + nodeName + ".simulator,OU=PVE Cluster Node,O=Proxmox Virtual Environment");
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer,
                    new BigInteger(64, new SecureRandom()), Date.from(now.minus(Duration.ofDays(1))),
                    Date.from(now.plus(Duration.ofDays(365))), subject, keys.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                new GeneralName(GeneralName.dNSName, "localhost")}));
            X509Certificate cert = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            char[] pass = "simulator".toCharArray();
            store.setKeyEntry("pve-ssl", keys.getPrivate(), pass, new java.security.cert.Certificate[] {cert});
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(store, pass);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), null, new SecureRandom());
            return new SelfSignedTls(ctx, cert, fingerprintOf(cert));
        } catch (Exception e) {
            throw new IllegalStateException("cannot generate the simulator's TLS certificate: " + e.getMessage(), e);
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
}
