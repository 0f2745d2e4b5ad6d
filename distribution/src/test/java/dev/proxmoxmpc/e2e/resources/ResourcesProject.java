package dev.proxmoxmpc.e2e.resources;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.proxmoxmpc.e2e.Product;
import dev.proxmoxmpc.plugin.simulator.SimulatorServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A project initialised and synced against a running simulator; runs the product in it and reads the server's side
 * over the simulator's REST API (HTTPS, API token, trusting only the simulator's certificate).
 */
final class ResourcesProject {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The environment variable holding the root password of containers the tests create. */
    static final String CT_PASSWORD_ENV = "MPC_E2E_CT_PW";
    final Path dir;
    private final Product product;
    private final SimulatorServer sim;
    private final HttpClient http;

    private ResourcesProject(Path dir, Product product, SimulatorServer sim) throws Exception {
        this.dir = dir;
        this.product = product;
        this.sim = sim;
        KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
        ks.load(null, null);
        ks.setCertificateEntry("simulator", sim.certificate());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, tmf.getTrustManagers(), null);
        this.http = HttpClient.newBuilder().sslContext(ssl).connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** /init against the simulator (the caller runs the first /sync). */
    static ResourcesProject init(Path tmp, SimulatorServer sim) throws Exception {
        Path dir = tmp.resolve("project");
        Product product = Product.inHome(tmp.resolve("home")).env("PROXMOX_MPC_DEFAULT_SECRET", sim.tokenSecret())
                .env(CT_PASSWORD_ENV, "e2e-Root-pw-1");
        ResourcesProject p = new ResourcesProject(dir, product, sim);
        p.ok("init", "--host", "127.0.0.1", "--port", Integer.toString(sim.port()), "--token-id", sim.tokenId(),
                "--token-secret-env", "PROXMOX_MPC_DEFAULT_SECRET", "--fingerprint", sim.fingerprint(), "--node", "pve1");
        return p;
    }

    Product.Run run(String... args) {
        return product.run(dir, args);
    }

    /** Runs a command that must succeed. */
    Product.Run ok(String... args) {
        Product.Run r = run(args);
        assertThat(r.exitCode()).as(String.join(" ", args) + "\n" + r.all()).isZero();
        return r;
    }

    /**
     * Runs command lines on standard input in one process (batch mode stops at the first failure) with
     * {@code --detailed-exitcode}: exit 0 means every line succeeded and none left changes pending.
     */
    Product.Run batch(String... lines) {
        Product.Run r = product.runWithInput(dir, String.join("\n", lines) + "\n", "--detailed-exitcode");
        assertThat(r.exitCode()).as(String.join(" | ", lines) + "\n" + r.all()).isZero();
        return r;
    }

    /** Runs a command with {@code --json} and parses what it printed. */
    JsonNode json(String... args) throws IOException {
        String out = ok(args).stdout();
        int brace = out.indexOf('{');
        int bracket = out.indexOf('[');
        int start = brace < 0 ? bracket : bracket < 0 ? brace : Math.min(brace, bracket);
        return JSON.readTree(out.substring(start));
    }

    /** @return every generated file (terraform/, ansible/, docs/, tests/, scripts/) with its content, for before/after checks. */
    java.util.Map<String, String> generatedFiles() throws IOException {
        java.util.Map<String, String> out = new java.util.TreeMap<>();
        for (String top : java.util.List.of("terraform", "ansible", "docs", "tests", "scripts")) {
            Path d = dir.resolve(top);
            if (!java.nio.file.Files.isDirectory(d)) {
                continue;
            }
            try (var files = java.nio.file.Files.walk(d)) {
                for (Path f : files.filter(java.nio.file.Files::isRegularFile).toList()) {
                    out.put(dir.relativize(f).toString(), java.nio.file.Files.readString(f));
                }
            }
        }
        return out;
    }

    /** @return the server's {@code /cluster/resources} row of the guest with this name. */
    Optional<JsonNode> serverGuest(String name) throws Exception {
        for (JsonNode r : get("/cluster/resources?type=vm")) {
            if (r.path("name").asText().equals(name)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /** @return the server's {@code /cluster/resources} row of the container with this hostname. */
    Optional<JsonNode> serverContainer(String hostname) throws Exception {
        for (JsonNode r : get("/cluster/resources?type=vm")) {
            if (r.path("type").asText().equals("lxc") && r.path("name").asText().equals(hostname)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /** @return the server's {@code /nodes/{node}/network} row of an interface (the staged file's, if one is staged). */
    Optional<JsonNode> serverInterface(String node, String iface) throws Exception {
        for (JsonNode r : get("/nodes/" + node + "/network")) {
            if (r.path("iface").asText().equals(iface)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /** @return the ids of the guests the server lists as members of a pool. */
    java.util.List<Integer> serverPoolMembers(String pool) throws Exception {
        java.util.List<Integer> out = new java.util.ArrayList<>();
        for (JsonNode m : get("/pools?poolid=" + pool).path(0).path("members")) {
            if (m.has("vmid")) {
                out.add(m.path("vmid").asInt());
            }
        }
        return out;
    }

    /** @return the server's config of a container. */
    JsonNode serverContainerConfig(JsonNode row) throws Exception {
        return get("/nodes/" + row.path("node").asText() + "/lxc/" + row.path("vmid").asInt() + "/config");
    }

    /** @return the server's config of a VM. */
    JsonNode serverConfig(JsonNode row) throws Exception {
        return get("/nodes/" + row.path("node").asText() + "/qemu/" + row.path("vmid").asInt() + "/config");
    }

    private JsonNode get(String path) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create(sim.url() + "/api2/json" + path))
                .header("Authorization", "PVEAPIToken=" + sim.tokenId() + "=" + sim.tokenSecret()).timeout(Duration.ofSeconds(30)).GET().build();
        HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("GET " + path + ": " + r.body()).isEqualTo(200);
        return JSON.readTree(r.body()).path("data");
    }
}
