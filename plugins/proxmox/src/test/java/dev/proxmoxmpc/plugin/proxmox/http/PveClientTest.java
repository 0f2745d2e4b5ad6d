package dev.proxmoxmpc.plugin.proxmox.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.proxmoxmpc.plugin.proxmox.Endpoints;
import dev.proxmoxmpc.plugin.proxmox.fake.FakePve;
import dev.proxmoxmpc.plugin.proxmox.fake.FakePve.Response;
import dev.proxmoxmpc.spi.provider.Endpoint;
import dev.proxmoxmpc.spi.provider.ProviderException;
import dev.proxmoxmpc.spi.provider.ProviderException.Kind;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PveClientTest {
    private final FakePve pve = FakePve.start();

    @AfterEach
    void stop() {
        pve.close();
    }

    private PveClient client() {
        PveClient c = new PveClient(Endpoints.token(pve.url(), pve.fingerprint()));
        c.retries(3, Duration.ofMillis(1));
        return c;
    }

    @Test
    void sendsTheApiTokenHeaderAndReturnsData() {
        pve.fixture("GET", "/version", "version-get-9.2.4.json");
        assertThat(client().get("/version").path("version").asText()).isEqualTo("9.2.4");
        assertThat(pve.requests().get(0).header("Authorization"))
                .isEqualTo("PVEAPIToken=root@pam!mpc=11111111-2222-3333-4444-555555555555");
        assertThat(pve.requests().get(0).header("CSRFPreventionToken")).isNull();
    }

    @Test
    void mapsA401ToAnAuthenticationErrorNamingTheToken() {
        pve.on("GET", "/version", r -> new Response(401, null));
        assertThatThrownBy(() -> client().get("/version"))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.kind()).isEqualTo(Kind.AUTHENTICATION))
                .hasMessageContaining("root@pam!mpc").hasMessageContaining("pveum user token add");
    }

    @Test
    void mapsA403ToThePrivilegeAndPathFromTheMessage() {
        pve.on("GET", "/nodes/pve/qemu/100/config", r -> Response.error(403, "Permission check failed (/vms/100, VM.Audit)\n"));
        assertThatThrownBy(() -> client().get("/nodes/pve/qemu/100/config"))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.kind()).isEqualTo(Kind.PERMISSION))
                .hasMessageContaining("lacks privilege VM.Audit on /vms/100")
                .hasMessageContaining("pveum acl modify /vms/100 --tokens root@pam!mpc");
    }

    @Test
    void mapsMissingConfigLockAndDigestErrors() {
        pve.on("GET", "/nodes/pve/qemu/999/config",
                r -> Response.error(500, "Configuration file 'nodes/pve/qemu-server/999.conf' does not exist\n"));
        pve.on("PUT", "/nodes/pve/qemu/100/config", r -> Response.error(500, "VM is locked (backup)\n"));
        pve.on("PUT", "/nodes/pve/qemu/101/config", r -> Response.error(500, "checksum mismatch (file change by other user?)\n"));
        PveClient c = client();
        assertThatThrownBy(() -> c.get("/nodes/pve/qemu/999/config"))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND))
                .hasMessageContaining("VM 999 on node pve not found");
        assertThatThrownBy(() -> c.put("/nodes/pve/qemu/100/config", Map.of("cores", "2")))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.kind()).isEqualTo(Kind.LOCKED))
                .hasMessageContaining("VM is locked (backup)");
        assertThatThrownBy(() -> c.put("/nodes/pve/qemu/101/config", Map.of("cores", "2")))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.kind()).isEqualTo(Kind.CONFLICT))
                .hasMessageContaining("run /sync");
    }

    @Test
    void reportsParameterErrorsFromTheRecordedFixture() {
        pve.on("GET", "/cluster/acme/account/sdk-staging", r -> new Response(400,
                dev.proxmoxmpc.plugin.proxmox.fake.Fixtures.responseBody("error-400-parameter-verification.json", "GET",
                        "/api2/json/cluster/acme/account/sdk-staging").toString()));
        assertThatThrownBy(() -> client().get("/cluster/acme/account/sdk-staging"))
                .isInstanceOf(ProviderException.class)
                .hasMessageContaining("Parameter verification failed - name: ACME account config file 'sdk-staging' does not exist.");
    }

    @Test
    void retriesAGetOn5xxButNeverAPost() {
        AtomicInteger gets = new AtomicInteger();
        pve.on("GET", "/cluster/resources", r -> gets.incrementAndGet() < 3 ? Response.error(503, "busy") : Response.data("[]"));
        AtomicInteger posts = new AtomicInteger();
        pve.on("POST", "/nodes/pve/qemu", r -> {
            posts.incrementAndGet();
            return Response.error(500, "got timeout");
        });
        PveClient c = client();
        assertThat(c.get("/cluster/resources").isArray()).isTrue();
        assertThat(gets).hasValue(3);
        assertThatThrownBy(() -> c.post("/nodes/pve/qemu", Map.of("vmid", "100"))).isInstanceOf(ProviderException.class);
        assertThat(posts).hasValue(1);
    }

    @Test
    void reportsConnectionRefusedInOneLine() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        PveClient c = new PveClient(Endpoints.token(URI.create("https://127.0.0.1:" + port), pve.fingerprint()));
        c.retries(1, Duration.ofMillis(1));
        assertThatThrownBy(() -> c.get("/version"))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.kind()).isEqualTo(Kind.CONNECTION))
                .hasMessageContaining("connection refused").hasMessageNotContaining("\n");
    }

    @Test
    void reportsAHostNameThatDoesNotResolveAsSuchNotAsRefused() {
        PveClient c = new PveClient(Endpoints.token(URI.create("https://no-such-host.invalid:8006"), pve.fingerprint()));
        c.retries(1, Duration.ofMillis(1));
        assertThatThrownBy(() -> c.get("/version"))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.kind()).isEqualTo(Kind.CONNECTION))
                .hasMessageContaining("the host name 'no-such-host.invalid' does not resolve")
                .hasMessageNotContaining("refused").hasMessageNotContaining("Exception").hasMessageNotContaining("\n");
    }

    @Test
    void refusesAServerWhoseFingerprintDoesNotMatchThePinAndShowsTheActualOne() {
        pve.fixture("GET", "/version", "version-get-9.2.4.json");
        String wrong = "AA:" + pve.fingerprint().substring(3);
        PveClient c = new PveClient(Endpoints.token(pve.url(), wrong));
        assertThatThrownBy(() -> c.get("/version"))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.kind()).isEqualTo(Kind.TLS))
                .hasMessageContaining("fingerprint " + pve.fingerprint())
                .hasMessageContaining("/init --fingerprint " + pve.fingerprint());
        assertThat(pve.requests()).isEmpty();
    }

    @Test
    void acceptsAPinInAnyCaseAndWithoutColons() {
        pve.fixture("GET", "/version", "version-get-9.2.4.json");
        String lowerNoColons = pve.fingerprint().replace(":", "").toLowerCase(java.util.Locale.ROOT);
        assertThat(new PveClient(Endpoints.token(pve.url(), lowerNoColons)).get("/version").path("release").asText()).isEqualTo("9.2");
    }

    @Test
    void verifiesAgainstAGivenCaFileAndRejectsTheUnknownCertificateWithTheSystemCas(@TempDir Path dir) throws Exception {
        pve.fixture("GET", "/version", "version-get-9.2.4.json");
        Endpoint base = Endpoints.token(pve.url(), "");
        Path ca = pve.writeCaFile(dir);
        assertThat(new PveClient(Endpoints.withTls(base, new Endpoint.Tls("", ca.toString(), false))).get("/version")
                .path("version").asText()).isEqualTo("9.2.4");
        assertThatThrownBy(() -> new PveClient(Endpoints.withTls(base, Endpoint.Tls.system())).get("/version"))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.kind()).isEqualTo(Kind.TLS))
                .hasMessageContaining("not trusted").hasMessageContaining(pve.fingerprint());
        assertThat(new PveClient(Endpoints.withTls(base, new Endpoint.Tls("", "", true))).get("/version")
                .path("version").asText()).isEqualTo("9.2.4");
    }

    @Test
    void peeksTheServerFingerprint() {
        assertThat(Peek.fingerprint(pve.url(), Duration.ofSeconds(5))).isEqualTo(pve.fingerprint())
                .matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
    }

    @Test
    void timesOutWithAnActionableMessage() {
        pve.on("GET", "/version", r -> {
            try {
                Thread.sleep(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Response.data("{}");
        });
        Endpoint e = Endpoints.token(pve.url(), pve.fingerprint());
        PveClient c = new PveClient(new Endpoint(e.name(), e.url(), e.tokenId(), e.tokenSecret(), "", "", e.tls(),
                Duration.ofMillis(300), 1));
        c.retries(1, Duration.ofMillis(1));
        assertThatThrownBy(() -> c.get("/version"))
                .isInstanceOfSatisfying(ProviderException.class, ex -> assertThat(ex.kind()).isEqualTo(Kind.TIMEOUT))
                .hasMessageContaining("timed out");
    }
}
