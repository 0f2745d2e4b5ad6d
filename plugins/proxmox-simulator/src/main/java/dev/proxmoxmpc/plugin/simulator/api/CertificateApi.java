package dev.proxmoxmpc.plugin.simulator.api;

import dev.proxmoxmpc.plugin.simulator.error.ApiException;
import dev.proxmoxmpc.plugin.simulator.http.ApiRequest;
import dev.proxmoxmpc.plugin.simulator.http.Router;
import dev.proxmoxmpc.plugin.simulator.state.Cluster;
import dev.proxmoxmpc.plugin.simulator.tls.SelfSignedTls;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /nodes/{node}/certificates/info} (PVE's {@code pvenode cert info}): the cluster CA
 * {@code pve-root-ca.pem} and the node's {@code pve-ssl.pem}, with the fields of the API schema.
 */
public final class CertificateApi {
    private final Cluster cluster;
    private final SelfSignedTls tls;

    public CertificateApi(Cluster cluster, SelfSignedTls tls) {
        this.cluster = cluster;
        this.tls = tls;
    }

    public void register(Router r) {
        r.get("/nodes/{node}/certificates/info", this::info);
    }

    private Object info(ApiRequest req) {
        if (!req.principal().has("Sys.Audit")) {
            throw ApiException.forbidden("Permission check failed (/nodes/" + req.node() + ", Sys.Audit)");
        }
        cluster.node(req.node());
        List<Object> out = new ArrayList<>();
        out.add(entry("pve-root-ca.pem", tls.caCertificate()));
        out.add(entry("pve-ssl.pem", tls.certificate()));
        return out;
    }

    private static Map<String, Object> entry(String filename, X509Certificate cert) {
        try {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("filename", filename);
            m.put("fingerprint", SelfSignedTls.fingerprintOf(cert));
            m.put("issuer", cert.getIssuerX500Principal().getName());
            m.put("subject", cert.getSubjectX500Principal().getName());
            m.put("notbefore", cert.getNotBefore().toInstant().getEpochSecond());
            m.put("notafter", cert.getNotAfter().toInstant().getEpochSecond());
            m.put("pem", SelfSignedTls.pem(cert));
            m.put("public-key-type", "id-ecPublicKey");
            m.put("public-key-bits", 256);
            m.put("san", filename.equals("pve-ssl.pem") ? List.of("IP Address:127.0.0.1", "DNS:localhost") : List.of());
            return m;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
