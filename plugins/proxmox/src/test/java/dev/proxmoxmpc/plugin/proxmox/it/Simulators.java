package dev.proxmoxmpc.plugin.proxmox.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.proxmoxmpc.plugin.proxmox.ProxmoxProvider;
import dev.proxmoxmpc.plugin.proxmox.ProxmoxSession;
import dev.proxmoxmpc.plugin.simulator.SimulatorOptions;
import dev.proxmoxmpc.plugin.simulator.SimulatorServer;
import dev.proxmoxmpc.spi.provider.Endpoint;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** Starting the simulator and reading it independently of the provider (a plain HTTP client, its own JSON). */
final class Simulators {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Simulators() {}

    static SimulatorServer demo() {
        return SimulatorServer.start(SimulatorOptions.builder().scenario("demo").port(0).taskDurationMs(30).build());
    }

    static Endpoint endpoint(SimulatorServer s) {
        return new Endpoint("it", s.url(), s.tokenId(), s.tokenSecret(), "", "", Endpoint.Tls.pinned(s.fingerprint()),
                Duration.ofSeconds(20), 8);
    }

    static ProxmoxSession session(SimulatorServer s) {
        ProxmoxSession session = (ProxmoxSession) new ProxmoxProvider().connect(endpoint(s));
        session.executor().lockWait(Duration.ofSeconds(20), Duration.ofMillis(50));
        return session;
    }

    /** @return a session that keeps cacheable answers in {@code cacheDir}, as the console opens one per command */
    static ProxmoxSession session(SimulatorServer s, Path cacheDir) {
        return session(endpoint(s), cacheDir);
    }

    static ProxmoxSession session(Endpoint endpoint, Path cacheDir) {
        ProxmoxSession session = (ProxmoxSession) new ProxmoxProvider().connect(endpoint, cacheDir);
        session.executor().lockWait(Duration.ofSeconds(20), Duration.ofMillis(50));
        return session;
    }

    /** @return the demo scenario definition the simulator ships. */
    static JsonNode demoScenario() throws Exception {
        try (InputStream in = SimulatorServer.class.getResourceAsStream("/dev/proxmoxmpc/plugin/simulator/scenarios/demo.yml")) {
            return new ObjectMapper(new YAMLFactory()).readTree(in);
        }
    }

    /** A GET without the provider: the server's raw answer, for comparing what discovery made of it. */
    static JsonNode rawGet(SimulatorServer s, String path) throws Exception {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        trust.setCertificateEntry("sim", s.certificate());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        HttpClient http = HttpClient.newBuilder().sslContext(ctx).build();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(java.net.URI.create(s.apiUrl() + path))
                .header("Authorization", s.token().authorizationHeader()).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " -> " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body()).path("data");
    }
}
