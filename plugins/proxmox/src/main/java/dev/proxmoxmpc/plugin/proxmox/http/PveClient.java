package dev.proxmoxmpc.plugin.proxmox.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.proxmoxmpc.spi.provider.Endpoint;
import dev.proxmoxmpc.spi.provider.ProviderException;
import dev.proxmoxmpc.spi.provider.ProviderException.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.zip.GZIPInputStream;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PVE REST client ({@code /api2/json}) on {@link HttpClient}. Thread-safe. Every call returns the envelope's
 * {@code data} or throws a {@link ProviderException} with one actionable line.
 *
 * <p>Retries: GETs are retried with backoff on connection failures and 5xx answers; writes are retried only
 * when the connection could not be opened at all (the request never reached the server).
 */
public final class PveClient implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PveClient.class);

    private final Endpoint endpoint;
    private final String base;
    private final TlsSetup tls;
    private final HttpClient http;
    private final Auth auth;
    private final AtomicLong requests = new AtomicLong();
    private volatile BiConsumer<String, String> sent = (method, path) -> { };
    private volatile int attempts = 3;
    private volatile Duration backoff = Duration.ofMillis(200);

    public PveClient(Endpoint endpoint) {
        this(endpoint, Clock.systemUTC());
    }

    PveClient(Endpoint endpoint, Clock clock) {
        this.endpoint = endpoint;
        String url = endpoint.url().toString().replaceAll("/+$", "");
        this.base = url.endsWith("/api2/json") ? url : url + "/api2/json";
        this.tls = TlsSetup.of(endpoint.tls());
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(endpoint.timeout())
                .sslContext(tls.context())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.auth = endpoint.usesToken()
                ? new TokenAuth(endpoint.tokenId(), endpoint.tokenSecret())
                : new TicketAuth(endpoint.username(), endpoint.password(), clock);
        if (endpoint.tls().insecure()) {
            LOG.warn("TLS verification is disabled for {} (insecure mode)", endpoint.url());
        }
    }

    /** Sets how often a GET is tried (at least 1) and the first backoff delay (doubled each time). */
    public void retries(int maxAttempts, Duration firstBackoff) {
        this.attempts = Math.max(1, maxAttempts);
        this.backoff = firstBackoff;
    }

    /** @return the identity used ({@code root@pam!mpc} or {@code alice@pve}). */
    public String identity() {
        return auth.identity();
    }

    /** @return the number of HTTP requests sent so far (retries and logins included). */
    public long requestCount() {
        return requests.get();
    }

    /** Tells {@code listener} the method and path of every request before it is sent (tests count what was read). */
    public void onRequest(BiConsumer<String, String> listener) {
        this.sent = listener;
    }

    public Endpoint endpoint() {
        return endpoint;
    }

    /** GET with retries. */
    public JsonNode get(String path) {
        return get(path, Map.of());
    }

    /** GET with query parameters, with retries. */
    public JsonNode get(String path, Map<String, String> query) {
        return envelope("GET", path, query, attempts).path("data");
    }

    /** GET tried once (for calls whose failure is expected and tolerated, like the guest agent). */
    public JsonNode getOnce(String path) {
        return envelope("GET", path, Map.of(), 1).path("data");
    }

    /** GET returning the whole envelope ({@code data} plus {@code total} for task logs). */
    public JsonNode getEnvelope(String path, Map<String, String> query) {
        return envelope("GET", path, query, attempts);
    }

    public JsonNode post(String path, Map<String, String> form) {
        return envelope("POST", path, form, 1).path("data");
    }

    public JsonNode put(String path, Map<String, String> form) {
        return envelope("PUT", path, form, 1).path("data");
    }

    public JsonNode delete(String path, Map<String, String> query) {
        return envelope("DELETE", path, query, 1).path("data");
    }

    /** {@code POST /access/ticket} without credentials; used by {@link TicketAuth}. */
    JsonNode login(Map<String, String> form) {
        HttpRequest.Builder b = request("POST", "/access/ticket", form);
        return execute("POST", "/access/ticket", b, 1).path("data");
    }

    private JsonNode envelope(String method, String path, Map<String, String> params, int tries) {
        for (int attempt = 1; ; attempt++) {
            HttpRequest.Builder b = request(method, path, params);
            auth.apply(b, !method.equals("GET"), this);
            try {
                return execute(method, path, b, method.equals("GET") ? tries : 1);
            } catch (ProviderException e) {
                if (e.kind() == Kind.AUTHENTICATION && attempt == 1 && !endpoint.usesToken()) {
                    auth.invalidate(); // an expired ticket: log in once more
                    continue;
                }
                throw e;
            }
        }
    }

    private HttpRequest.Builder request(String method, String path, Map<String, String> params) {
        String encoded = encode(params);
        boolean body = method.equals("POST") || method.equals("PUT");
        String uri = base + path + (!body && !encoded.isEmpty() ? "?" + encoded : "");
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(uri))
                .timeout(endpoint.timeout())
                .header("Accept", "application/json")
                .header("Accept-Encoding", "gzip");
        if (body) {
            b.header("Content-Type", "application/x-www-form-urlencoded");
            b.method(method, HttpRequest.BodyPublishers.ofString(encoded));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return b;
    }

    private JsonNode execute(String method, String path, HttpRequest.Builder builder, int tries) {
        HttpRequest req = builder.build();
        long delay = backoff.toMillis();
        for (int attempt = 1; ; attempt++) {
            try {
                requests.incrementAndGet();
                sent.accept(method, path);
                HttpResponse<InputStream> resp = http.send(req, HttpResponse.BodyHandlers.ofInputStream());
                JsonNode body = readBody(resp);
                int status = resp.statusCode();
                if (status == 200) {
                    return body == null ? NullNode.getInstance() : body;
                }
                ProviderException error = ApiErrors.of(method, path, status, body, reasonOf(body), auth.identity());
                if (attempt < tries && retryable(status)) {
                    LOG.debug("{} {} answered {}, retrying in {} ms", method, path, status, delay);
                    sleep(delay);
                    delay *= 2;
                    continue;
                }
                throw error;
            } catch (ConnectException e) {
                if (unresolved(e)) { // a name that does not resolve: retrying does not help, and nothing was refused
                    throw new ProviderException(Kind.CONNECTION, "cannot connect to " + endpoint.url() + ": the host name '"
                            + endpoint.url().getHost() + "' does not resolve (unknown host); check the name or use the"
                            + " IP address", e);
                }
                if (attempt < Math.max(tries, 2)) { // a refused connection never reached the server: safe to retry
                    sleep(delay);
                    delay *= 2;
                    continue;
                }
                throw new ProviderException(Kind.CONNECTION, "cannot connect to " + endpoint.url() + ": connection refused;"
                        + " check the URL and port (8006) and that pveproxy runs", e);
            } catch (HttpTimeoutException e) {
                if (attempt < tries) {
                    sleep(delay);
                    delay *= 2;
                    continue;
                }
                throw new ProviderException(Kind.TIMEOUT, method + " " + path + " timed out after "
                        + endpoint.timeout().toSeconds() + " s; the server is slow or unreachable, raise the timeout or retry", e);
            } catch (SSLException e) {
                throw tlsError(e);
            } catch (IOException e) {
                if (e.getCause() instanceof SSLException ssl) {
                    throw tlsError(ssl);
                }
                if (attempt < tries) {
                    sleep(delay);
                    delay *= 2;
                    continue;
                }
                throw new ProviderException(Kind.CONNECTION, method + " " + path + ": connection to " + endpoint.url()
                        + " failed: " + e.getMessage() + "; check the network and that the server runs", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ProviderException(Kind.CONNECTION, method + " " + path + ": interrupted", e);
            }
        }
    }

    private static boolean unresolved(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.nio.channels.UnresolvedAddressException || t instanceof java.net.UnknownHostException) {
                return true;
            }
        }
        return false;
    }

    private static boolean retryable(int status) {
        return status >= 500 && status != 501;
    }

    private static String reasonOf(JsonNode body) {
        return body == null ? "" : body.path("message").asText("");
    }

    private static JsonNode readBody(HttpResponse<InputStream> resp) throws IOException {
        boolean gzip = resp.headers().firstValue("Content-Encoding").map(v -> v.equalsIgnoreCase("gzip")).orElse(false);
        try (InputStream raw = resp.body(); InputStream in = gzip ? new GZIPInputStream(raw) : raw) {
            byte[] bytes = in.readAllBytes();
            if (bytes.length == 0) {
                return null;
            }
            try {
                return Json.MAPPER.readTree(bytes);
            } catch (IOException notJson) {
                return Json.MAPPER.createObjectNode().put("message", new String(bytes, StandardCharsets.UTF_8));
            }
        }
    }

    private ProviderException tlsError(SSLException e) {
        String seen = tls.lastSeenFingerprint().orElseGet(() -> Peek.fingerprintOrEmpty(endpoint.url(), endpoint.timeout()));
        String pinned = endpoint.tls().fingerprint();
        if (!pinned.isEmpty()) {
            return new ProviderException(Kind.TLS, "TLS: the server certificate fingerprint " + seen
                    + " does not match the pinned " + Fingerprints.normalize(pinned)
                    + "; if the certificate was renewed on purpose, pin the new one with: /init --fingerprint " + seen, e);
        }
        return new ProviderException(Kind.TLS, "TLS: the server certificate of " + endpoint.url() + " is not trusted ("
                + e.getMessage() + "); its SHA-256 fingerprint is " + (seen.isEmpty() ? "unknown" : seen)
                + ": pin it with /init --fingerprint " + (seen.isEmpty() ? "<fingerprint>" : seen)
                + " or give the cluster CA file (/etc/pve/pve-root-ca.pem)", e);
    }

    static String encode(Map<String, String> params) {
        StringJoiner j = new StringJoiner("&");
        params.forEach((k, v) -> j.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return j.toString();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException(Kind.CONNECTION, "interrupted while waiting to retry", e);
        }
    }

    @Override
    public void close() {
        // java.net.http.HttpClient in Java 17 has no close(); its connections are released when it is collected.
    }
}
