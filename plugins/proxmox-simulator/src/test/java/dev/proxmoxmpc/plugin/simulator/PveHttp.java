package dev.proxmoxmpc.plugin.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** A test client over real HTTPS that trusts only the simulator's pinned certificate. */
final class PveHttp {
    static final ObjectMapper JSON = new ObjectMapper();

    /** A response: status, raw body, parsed JSON (or null when empty). */
    record Response(int status, String body, JsonNode json, java.net.http.HttpHeaders headers) {
        JsonNode data() {
            return json.get("data");
        }

        String message() {
            return json.path("message").asText();
        }
    }

    private final SimulatorServer server;
    private final HttpClient client;
    private String authorization;
    private String cookie;
    private String csrf;

    PveHttp(SimulatorServer server) {
        this.server = server;
        this.client = HttpClient.newBuilder().sslContext(pinned(server)).connectTimeout(Duration.ofSeconds(10)).build();
        this.authorization = server.token().authorizationHeader();
    }

    static SSLContext pinned(SimulatorServer server) {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setCertificateEntry("pve", server.certificate());
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ks);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    PveHttp token(ApiToken t) {
        this.authorization = t == null ? null : t.authorizationHeader();
        this.cookie = null;
        return this;
    }

    PveHttp noAuth() {
        this.authorization = null;
        this.cookie = null;
        this.csrf = null;
        return this;
    }

    /** Logs in with a ticket; {@code withCsrf} decides whether writes send the CSRF header. */
    PveHttp ticket(String user, String password, boolean withCsrf) {
        noAuth();
        Response r = post("/access/ticket", Map.of("username", user, "password", password));
        if (r.status() != 200) {
            throw new IllegalStateException("login failed: " + r.status() + " " + r.body());
        }
        this.cookie = "PVEAuthCookie=" + URLEncoder.encode(r.data().get("ticket").asText(), StandardCharsets.UTF_8);
        this.csrf = withCsrf ? r.data().get("CSRFPreventionToken").asText() : null;
        return this;
    }

    Response get(String path) {
        return send("GET", path, null, null);
    }

    Response delete(String path) {
        return send("DELETE", path, null, null);
    }

    Response post(String path, Map<String, String> form) {
        return send("POST", path, form(form), "application/x-www-form-urlencoded");
    }

    Response put(String path, Map<String, String> form) {
        return send("PUT", path, form(form), "application/x-www-form-urlencoded");
    }

    Response postJson(String path, String json) {
        return send("POST", path, json, "application/json");
    }

    static Map<String, String> form(Object... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(String.valueOf(kv[i]), String.valueOf(kv[i + 1]));
        }
        return m;
    }

    private static String form(Map<String, String> m) {
        return m.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    Response send(String method, String path, String body, String contentType) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.apiUrl() + path)).timeout(Duration.ofSeconds(30));
            if (authorization != null) {
                b.header("Authorization", authorization);
            }
            if (cookie != null) {
                b.header("Cookie", cookie);
            }
            if (csrf != null) {
                b.header("CSRFPreventionToken", csrf);
            }
            if (contentType != null) {
                b.header("Content-Type", contentType);
            }
            b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = r.body().isEmpty() ? null : JSON.readTree(r.body());
            return new Response(r.statusCode(), r.body(), json, r.headers());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Polls a task until it stops (bounded); @return its final status object. */
    JsonNode waitTask(String upid) {
        String node = upid.split(":")[1];
        JsonNode[] last = new JsonNode[1];
        await("task " + upid + " has stopped", () -> {
            Response r = get("/nodes/" + node + "/tasks/" + upid + "/status");
            if (r.status() != 200) {
                throw new IllegalStateException("task status " + r.status() + " " + r.body());
            }
            last[0] = r.data();
            return last[0].get("status").asText().equals("stopped");
        });
        return last[0];
    }

    /** Polls {@code condition} every 25 ms for up to 10 s. */
    static void await(String what, java.util.function.BooleanSupplier condition) {
        for (int i = 0; i < 400; i++) {
            if (condition.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("timed out waiting until " + what);
    }

    /** Runs a call that answers a UPID and waits for it; @return the task's exit status. */
    String runTask(Response r) {
        if (r.status() != 200) {
            throw new IllegalStateException("expected a UPID, got " + r.status() + " " + r.body());
        }
        return waitTask(r.data().asText()).get("exitstatus").asText();
    }
}
