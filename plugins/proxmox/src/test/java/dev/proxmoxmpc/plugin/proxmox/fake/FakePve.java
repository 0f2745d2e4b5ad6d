package dev.proxmoxmpc.plugin.proxmox.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.proxmoxmpc.plugin.proxmox.http.Fingerprints;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A tiny HTTPS server on 127.0.0.1 that answers PVE API paths with canned responses (often recorded fixture
 * bodies) and records every request. For unit tests of the client before/beside the full simulator.
 */
public final class FakePve implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A request as the server saw it. */
    public record Request(String method, String path, Map<String, String> params, Map<String, List<String>> headers) {
        public String header(String name) {
            for (var e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name)) {
                    return e.getValue().get(0);
                }
            }
            return null;
        }
    }

    /** A response: status and body (null for none). */
    public record Response(int status, String body) {
        public static Response data(String dataJson) {
            return new Response(200, "{\"data\":" + dataJson + "}");
        }

        public static Response error(int status, String message) {
            return new Response(status, "{\"data\":null,\"message\":" + JSON.valueToTree(message) + "}");
        }
    }

    private final HttpsServer server;
    private final TestCertificate cert;
    private final Map<String, Function<Request, Response>> routes = new ConcurrentHashMap<>();
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());

    private FakePve(TestCertificate cert) throws IOException {
        this.cert = cert;
        this.server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(cert.serverContext()));
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.start();
    }

    public static FakePve start() {
        System.setProperty("sun.net.httpserver.nodelay", "true"); // no Nagle stalls on keep-alive (docs/provider.md)
        try {
            return new FakePve(TestCertificate.generate());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Answers {@code METHOD /path} (below /api2/json, without query) with a function of the request. */
    public FakePve on(String method, String path, Function<Request, Response> responder) {
        routes.put(method + " " + path, responder);
        return this;
    }

    /** Answers {@code METHOD /path} with {@code {"data": dataJson}}. */
    public FakePve data(String method, String path, String dataJson) {
        return on(method, path, r -> Response.data(dataJson));
    }

    /** Answers with the response body recorded in a fixture file (the first interaction for that path). */
    public FakePve fixture(String method, String path, String fixtureFile) {
        JsonNode body = Fixtures.responseBody(fixtureFile, method, "/api2/json" + path);
        return on(method, path, r -> new Response(200, body.toString()));
    }

    public URI url() {
        return URI.create("https://127.0.0.1:" + server.getAddress().getPort());
    }

    public String fingerprint() {
        return Fingerprints.sha256(cert.certificate());
    }

    public Path writeCaFile(Path dir) throws Exception {
        return cert.writePem(dir.resolve("ca.pem"));
    }

    public List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** @return the recorded requests for {@code METHOD /path}. */
    public List<Request> requests(String method, String path) {
        return requests().stream().filter(r -> r.method().equals(method) && r.path().equals(path)).toList();
    }

    private void handle(HttpExchange ex) throws IOException {
        String method = ex.getRequestMethod();
        String rawPath = ex.getRequestURI().getRawPath();
        String path = URLDecoder.decode(rawPath.replaceFirst("^/api2/json", ""), StandardCharsets.UTF_8);
        Map<String, String> params = new LinkedHashMap<>(form(ex.getRequestURI().getRawQuery()));
        try (InputStream in = ex.getRequestBody()) {
            params.putAll(form(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        }
        Request req = new Request(method, path, params, Map.copyOf(ex.getRequestHeaders()));
        requests.add(req);
        Function<Request, Response> route = routes.get(method + " " + path);
        Response resp = route == null
                ? Response.error(501, "Method '" + method + " " + path + "' not implemented")
                : route.apply(req);
        byte[] body = resp.body() == null ? new byte[0] : resp.body().getBytes(StandardCharsets.UTF_8);
        if (body.length > 0) {
            ex.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
        }
        ex.sendResponseHeaders(resp.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            ex.getResponseBody().write(body);
        }
        ex.close();
    }

    private static Map<String, String> form(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.put(k, v);
        }
        return out;
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }

    /** Reads a fixture file as a string (for tests that need raw bodies). */
    public static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
