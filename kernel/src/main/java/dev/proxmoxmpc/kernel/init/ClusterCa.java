package dev.proxmoxmpc.kernel.init;

import dev.proxmoxmpc.spi.kernel.Workspace;
import dev.proxmoxmpc.spi.provider.ApiData;
import dev.proxmoxmpc.spi.provider.ProviderException;
import dev.proxmoxmpc.spi.provider.ProviderSession;
import dev.proxmoxmpc.spi.provider.ServerInfo;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The cluster's CA ({@code pve-root-ca.pem}) kept in the project as {@code .proxmox/pve-root-ca.pem}, for tools that
 * cannot pin a fingerprint (Python's requests under Ansible's Proxmox inventory: {@code REQUESTS_CA_BUNDLE}). It comes
 * from {@code --ca-file}, or from the server ({@code /nodes/{node}/certificates/info}) when the certificate /init
 * pinned is the node's {@code pve-ssl.pem} and that CA signed it; anything else leaves no file and says why.
 */
final class ClusterCa {
    static final String FILE = "pve-root-ca.pem";

    private ClusterCa() {}

    /** @return the CA of {@code --ca-file} in PEM form, or empty without one */
    static Optional<String> fromFile(InitRequest req) {
        if (req.caFile().isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(Path.of(req.caFile()), StandardCharsets.US_ASCII));
        } catch (IOException e) {
            return Optional.empty(); // ServerCheck already refused an unreadable file
        }
    }

    /**
     * @return the CA in PEM form to save when the pinned certificate is the node's pve-ssl.pem and it signed it, else
     *     empty (with a warning when the server answered otherwise)
     */
    static Optional<String> fromServer(InitRequest req, ProviderSession session, ServerInfo info, List<String> warnings) {
        String node = !req.node().isEmpty() ? req.node() : info.nodes().isEmpty() ? "" : info.nodes().get(0);
        if (req.fingerprint().isEmpty() || node.isEmpty()) {
            return Optional.empty();
        }
        try {
            List<Map<String, Object>> rows = session.read("/nodes/" + node + "/certificates/info", Map.of()).rows();
            Optional<String> ca = pem(rows, "pve-root-ca.pem");
            Optional<String> leaf = pem(rows, "pve-ssl.pem");
            if (ca.isPresent() && leaf.isPresent() && signs(ca.get(), leaf.get(), req.fingerprint())) {
                return ca;
            }
            warnings.add("the pinned certificate is not the node's pve-ssl.pem signed by the cluster CA, so no "
                    + FILE + " was saved; tools that need a CA bundle (Ansible's dynamic inventory) use the system's");
        } catch (ProviderException e) {
            if (e.kind() != ProviderException.Kind.INVALID) { // INVALID: a provider that cannot read such paths
                warnings.add("cannot read the cluster CA (" + e.getMessage() + "); no " + FILE + " was saved");
            }
        }
        return Optional.empty();
    }

    /** Writes the CA into the project. */
    static Path save(Workspace ws, String pem) {
        Path file = ws.dotProxmox().resolve(FILE);
        try {
            Files.writeString(file, pem, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private static Optional<String> pem(List<Map<String, Object>> rows, String filename) {
        return rows.stream().filter(r -> filename.equals(ApiData.string(r, "filename")))
                .map(r -> ApiData.string(r, "pem")).filter(p -> !p.isEmpty()).findFirst();
    }

    private static boolean signs(String caPem, String leafPem, String pinned) {
        try {
            CertificateFactory f = CertificateFactory.getInstance("X.509");
            X509Certificate ca = (X509Certificate) f.generateCertificate(new ByteArrayInputStream(caPem.getBytes(StandardCharsets.US_ASCII)));
            X509Certificate leaf = (X509Certificate) f.generateCertificate(new ByteArrayInputStream(leafPem.getBytes(StandardCharsets.US_ASCII)));
            String fp = HexFormat.ofDelimiter(":").withUpperCase().formatHex(MessageDigest.getInstance("SHA-256").digest(leaf.getEncoded()));
            if (!fp.equals(pinned.toUpperCase(Locale.ROOT))) {
                return false;
            }
            leaf.verify(ca.getPublicKey());
            return true;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }
}
