package dev.proxmoxmpc.e2e.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.proxmoxmpc.plugin.simulator.SimulatorServer;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Talks to the simulator's REST API the way another admin would (over HTTPS with the API token, trusting only the
 * simulator's own certificate), to change the server behind the product's back.
 */
final class SimulatorApi {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final SimulatorServer sim;
    private final HttpClient http;

    SimulatorApi(SimulatorServer sim) throws Exception {
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

    JsonNode get(String path) throws IOException, InterruptedException {
        return send("GET", path, Map.of());
    }

    /** @return the {@code data} of the answer (a UPID for asynchronous calls). */
    JsonNode send(String method, String path, Map<String, String> form) throws IOException, InterruptedException {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.url() + "/api2/json" + path))
                .header("Authorization", "PVEAPIToken=" + sim.tokenId() + "=" + sim.tokenSecret())
                .timeout(Duration.ofSeconds(30));
        if (method.equals("GET")) {
            b.GET();
        } else {
            b.header("Content-Type", "application/x-www-form-urlencoded").method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new AssertionError(method + " " + path + " -> " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body()).path("data");
    }

    /** Runs an asynchronous call and waits for its task to end OK. */
    void task(String method, String path, Map<String, String> form) throws IOException, InterruptedException {
        String upid = send(method, path, form).asText();
        String node = upid.split(":")[1];
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            JsonNode s = get("/nodes/" + node + "/tasks/" + URLEncoder.encode(upid, StandardCharsets.UTF_8) + "/status");
            if (s.path("status").asText().equals("stopped")) {
                if (!s.path("exitstatus").asText().equals("OK")) {
                    throw new AssertionError(upid + " ended " + s.path("exitstatus").asText());
                }
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError(upid + " did not end in time");
    }

    /** @return the guest's config as the server has it. */
    JsonNode config(String node, int vmid) throws IOException, InterruptedException {
        return get("/nodes/" + node + "/qemu/" + vmid + "/config");
    }

    String status(String node, int vmid) throws IOException, InterruptedException {
        return get("/nodes/" + node + "/qemu/" + vmid + "/status/current").path("status").asText();
    }

    /** @return how many tasks of {@code type} on {@code vmid} ended OK. */
    long okTasks(String type, int vmid) throws IOException, InterruptedException {
        long n = 0;
        for (JsonNode t : get("/cluster/tasks")) {
            if (t.path("type").asText().equals(type) && t.path("id").asText().equals(Integer.toString(vmid))
                    && t.path("status").asText().equals("OK")) {
                n++;
            }
        }
        return n;
    }
}
