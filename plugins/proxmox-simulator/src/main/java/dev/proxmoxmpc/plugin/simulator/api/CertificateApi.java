package dev.proxmoxmpc.plugin.simulator.api;

import dev.proxmoxmpc.plugin.simulator.error.ApiException;
import dev.proxmoxmpc.plugin.simulator.http.ApiRequest;
import dev.proxmoxmpc.plugin.simulator.http.Router;
import dev.proxmoxmpc.plugin.simulator.state.Cluster;
import dev.proxmoxmpc.plugin.simulator.state.NodeState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /nodes/{node}/certificates/info}: the cluster CA ({@code pve-root-ca.pem}, ten years) and the node's own
 * certificate ({@code pve-ssl.pem}, two years), as a fresh PVE install has them; both issued when the cluster was
 * created, so they are far from expiry. No PEM text (the real answer has it; nothing here reads it).
 */
public final class CertificateApi {
    private static final long DAY = 86_400;
    private final Cluster cluster;

    public CertificateApi(Cluster cluster) {
        this.cluster = cluster;
    }

    public void register(Router r) {
        r.get("/nodes/{node}/certificates/info", this::info);
    }

    private Object info(ApiRequest req) {
        if (!req.principal().has("Sys.Audit")) {
            throw ApiException.forbidden("Permission check failed (/nodes/" + req.node() + ", Sys.Audit)");
        }
        NodeState n = cluster.node(req.node());
        long issued = cluster.createdAt - 30 * DAY;
        String ca = "/CN=Proxmox Virtual Environment/OU=" + ou() + "/O=PVE Cluster Manager CA";
        List<Object> out = new ArrayList<>();
        out.add(cert("pve-root-ca.pem", ca, ca, issued, issued + 3650 * DAY, List.of()));
        String fqdn = n.name + ".lab.example.com";
        out.add(cert("pve-ssl.pem", ca, "/OU=PVE Cluster Node/O=Proxmox Virtual Environment/CN=" + fqdn, issued,
                issued + 730 * DAY, List.of("127.0.0.1", "0000:0000:0000:0000:0000:0000:0000:0001", "localhost", n.ip,
                        n.name, fqdn)));
        return out;
    }

    private Map<String, Object> cert(String file, String issuer, String subject, long from, long to, List<String> san) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("filename", file);
        m.put("fingerprint", cluster.fingerprint);
        m.put("issuer", issuer);
        m.put("notafter", to);
        m.put("notbefore", from);
        m.put("public-key-bits", 2048);
        m.put("public-key-type", "rsaEncryption");
        if (!san.isEmpty()) {
            m.put("san", san);
        }
        m.put("subject", subject);
        return m;
    }

    private String ou() {
        return Integer.toHexString(cluster.name.hashCode() & 0x7fffffff) + "0f3c4e2a9b1d4c7e8f";
    }
}
