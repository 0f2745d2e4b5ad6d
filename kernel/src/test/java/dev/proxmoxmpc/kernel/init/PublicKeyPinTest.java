package dev.proxmoxmpc.kernel.init;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The key pin /init records: of the node certificate whose fingerprint is the pinned one, in curl's form. */
class PublicKeyPinTest {
    @TempDir
    Path dir;

    @Test
    void pinsTheKeyOfTheCertificateWithThePinnedFingerprint() throws Exception {
        String ca = certificate("ca");
        String leaf = certificate("leaf");
        List<Map<String, Object>> rows = List.of(Map.of("filename", "pve-root-ca.pem", "pem", ca),
                Map.of("filename", "pve-ssl.pem", "pem", leaf), Map.of("filename", "broken.pem", "pem", "not a certificate"));
        String pin = PublicKeyPin.of(rows, fingerprint(leaf).toLowerCase()).orElseThrow();
        assertThat(pin).matches("sha256//[A-Za-z0-9+/]{43}=")
                .isEqualTo(PublicKeyPin.pin(parse(leaf))).isNotEqualTo(PublicKeyPin.pin(parse(ca)));
        assertThat(PublicKeyPin.of(rows, fingerprint(ca))).contains(PublicKeyPin.pin(parse(ca)));
        assertThat(PublicKeyPin.of(rows, "AB:CD")).as("no certificate has that fingerprint").isEmpty();
        assertThat(PublicKeyPin.of(List.of(), fingerprint(leaf))).isEmpty();
    }

    @Test
    void thePinIsTheHashOfTheDerSubjectPublicKeyInfoAsOpensslComputesIt() throws Exception {
        String leaf = certificate("openssl");
        Path pem = dir.resolve("leaf.pem");
        Files.writeString(pem, leaf);
        Process p = new ProcessBuilder("sh", "-c", "command -v openssl >/dev/null || exit 127; openssl x509 -in '" + pem
                + "' -pubkey -noout | openssl pkey -pubin -outform der | openssl dgst -sha256 -binary | base64")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (p.waitFor() == 127 && !"1".equals(System.getenv("MPC_REQUIRE_EXTERNAL"))) {
            System.out.println("PublicKeyPinTest skipped a case: openssl (Debian package openssl) is not installed");
            assumeTrue(false, "openssl is not installed");
        }
        assertThat(out).as("openssl's pin").hasSize(44);
        assertThat(PublicKeyPin.pin(parse(leaf))).isEqualTo("sha256//" + out);
    }

    /** @return a self-signed certificate in PEM form, made by the JDK's keytool */
    private String certificate(String alias) throws Exception {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Path store = dir.resolve(alias + ".p12");
        run(keytool.toString(), "-genkeypair", "-alias", alias, "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=" + alias,
                "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", "changeit");
        return run(keytool.toString(), "-exportcert", "-rfc", "-alias", alias, "-keystore", store.toString(), "-storepass", "changeit");
    }

    private static String run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        return out;
    }

    private static X509Certificate parse(String pem) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
    }

    private static String fingerprint(String pem) throws Exception {
        return HexFormat.ofDelimiter(":").withUpperCase().formatHex(MessageDigest.getInstance("SHA-256").digest(parse(pem).getEncoded()));
    }
}
