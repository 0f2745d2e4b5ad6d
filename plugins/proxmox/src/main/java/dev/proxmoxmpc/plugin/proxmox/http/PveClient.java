package dev.proxmoxmpc.plugin.proxmox.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.proxmoxmpc.spi.provider.Endpoint;
import dev.proxmoxmpc.spi.provider.ProviderException;
import dev.proxmoxmpc.spi.provider.ProviderException.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.zip.GZIPInputStream;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.IdleConnectionEvictor;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.client5.http.ssl.HostnameVerificationPolicy;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.client5.http.ssl.NoopHostnameVerifier;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.message.BasicClassicHttpRequest;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PVE REST client ({@code /api2/json}) on Apache HttpClient 5 classic: blocking I/O on the calling thread over a
 * pool of keep-alive connections as large as discovery's most requests in flight (java.net.http spent about twice the CPU
 * per request in selector hand-offs and future chains; see docs/provider.md). Thread-safe. Every call returns the
 * envelope's {@code data} or throws a {@link ProviderException} with one actionable line.
 *
 * <p>Retries: GETs are retried with backoff on connection failures and 5xx answers; writes are retried only
 * when the connection could not be opened at all (the request never reached the server).
 */
public final class PveClient implements AutoCloseable {
    /**
     * How many nodes' worth of requests discovery keeps in flight at once ({@code concurrency} per node): the
     * connection pool is that many times the endpoint's concurrency.
     */
    public static final int NODES_AT_ONCE = 4;
    private static final Logger LOG = LoggerFactory.getLogger(PveClient.class);

    private final Endpoint endpoint;
    private final TlsSetup tls;
    private final HttpHost target;
    private final String basePath;
    private final RequestConfig requestConfig;
    private final PoolingHttpClientConnectionManager pool;
    private final IdleConnectionEvictor evictor;
    private final CloseableHttpClient http;
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
        String base = url.endsWith("/api2/json") ? url : url + "/api2/json";
        this.tls = TlsSetup.of(endpoint.tls());
        URI baseUri = URI.create(base);
        this.target = HttpHost.create(baseUri);
        this.basePath = baseUri.getRawPath();
        Timeout timeout = Timeout.of(endpoint.timeout());
        this.requestConfig = RequestConfig.custom()
                .setResponseTimeout(timeout)
                // more callers than connections (writes in parallel with reads) wait their turn: each request already
                // has its own connect and response timeouts
                .setConnectionRequestTimeout(Timeout.DISABLED)
                .build();
        this.pool = connectionPool(endpoint, tls);
        this.evictor = new IdleConnectionEvictor(pool, TimeValue.ofSeconds(30));
        this.http = HttpClients.createMinimal(pool);
        evictor.start();
        this.auth = endpoint.usesToken()
                ? new TokenAuth(endpoint.tokenId(), endpoint.tokenSecret())
                : new TicketAuth(endpoint.username(), endpoint.password(), clock);
        if (endpoint.tls().insecure()) {
            LOG.warn("TLS verification is disabled for {} (insecure mode)", endpoint.url());
        }
    }

    /**
     * The pool of HTTP/1.1 keep-alive connections (pveproxy speaks nothing else): at most {@code concurrency} times
     * {@link #NODES_AT_ONCE} (discovery's most requests in flight), TLS from {@link TlsSetup} (host names checked except
     * when a fingerprint is pinned or verification is off). Requests go through HttpClient's minimal client: no
     * automatic retries, redirects, cookies, authentication or decompression (this class does each it needs itself),
     * and none of the full client's per-request work for them (about a fifth of the client's CPU per request).
     */
    private static PoolingHttpClientConnectionManager connectionPool(Endpoint endpoint, TlsSetup tls) {
        boolean ownTrust = endpoint.tls().insecure() || !endpoint.tls().fingerprint().isEmpty();
        ClientTlsStrategyBuilder tlsStrategy = ClientTlsStrategyBuilder.create().setSslContext(tls.context());
        if (ownTrust) { // the pinned certificate is the identity: its names do not matter
            tlsStrategy.setHostVerificationPolicy(HostnameVerificationPolicy.CLIENT)
                    .setHostnameVerifier(NoopHostnameVerifier.INSTANCE);
        }
        Timeout timeout = Timeout.of(endpoint.timeout());
        int connections = Math.max(1, endpoint.concurrency()) * NODES_AT_ONCE;
        return PoolingHttpClientConnectionManagerBuilder.create()
                .setTlsSocketStrategy(tlsStrategy.buildClassic())
                .setMaxConnTotal(connections)
                .setMaxConnPerRoute(connections)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(timeout)
                        .setSocketTimeout(timeout)
                        .setValidateAfterInactivity(TimeValue.ofSeconds(1)) // pveproxy closes idle connections
                        .build())
                .build();
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
        BasicClassicHttpRequest req = request("POST", "/access/ticket", form);
        return execute("POST", "/access/ticket", req, 1).path("data");
    }

    private JsonNode envelope(String method, String path, Map<String, String> params, int tries) {
        for (int attempt = 1; ; attempt++) {
            BasicClassicHttpRequest req = request(method, path, params);
            auth.apply(req, !method.equals("GET"), this);
            try {
                return execute(method, path, req, method.equals("GET") ? tries : 1);
            } catch (ProviderException e) {
                if (e.kind() == Kind.AUTHENTICATION && attempt == 1 && !endpoint.usesToken()) {
                    auth.invalidate(); // an expired ticket: log in once more
                    continue;
                }
                throw e;
            }
        }
    }

    private BasicClassicHttpRequest request(String method, String path, Map<String, String> params) {
        String encoded = encode(params);
        boolean body = method.equals("POST") || method.equals("PUT");
        String uri = basePath + path + (!body && !encoded.isEmpty() ? "?" + encoded : "");
        BasicClassicHttpRequest req = new BasicClassicHttpRequest(method, target, uri);
        req.setHeader("Accept", "application/json");
        req.setHeader("Accept-Encoding", "gzip");
        if (body) {
            req.setEntity(new ByteArrayEntity(encoded.getBytes(StandardCharsets.UTF_8), FORM));
        }
        return req;
    }

    private static final ContentType FORM = ContentType.create("application/x-www-form-urlencoded");

    /** A read answer: status and parsed body ({@code null} when empty). */
    private record Answer(int status, JsonNode body) {}

    private JsonNode execute(String method, String path, BasicClassicHttpRequest req, int tries) {
        long delay = backoff.toMillis();
        for (int attempt = 1; ; attempt++) {
            try {
                requests.incrementAndGet();
                sent.accept(method, path);
                HttpClientContext context = HttpClientContext.create();
                context.setRequestConfig(requestConfig);
                Answer answer = http.execute(target, req, context, PveClient::answer);
                JsonNode body = answer.body();
                int status = answer.status();
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
            } catch (UnknownHostException e) {
                throw unknownHost(e);
            } catch (ConnectException e) {
                if (unresolved(e)) { // a name that does not resolve: retrying does not help, and nothing was refused
                    throw unknownHost(e);
                }
                if (attempt < Math.max(tries, 2)) { // a refused connection never reached the server: safe to retry
                    sleep(delay);
                    delay *= 2;
                    continue;
                }
                throw new ProviderException(Kind.CONNECTION, "cannot connect to " + endpoint.url() + ": connection refused;"
                        + " check the URL and port (8006) and that pveproxy runs", e);
            } catch (InterruptedIOException e) { // connect, read or pool-wait timeout (or an interrupt)
                if (Thread.currentThread().isInterrupted()) {
                    throw new ProviderException(Kind.CONNECTION, method + " " + path + ": interrupted", e);
                }
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
            }
        }
    }

    private ProviderException unknownHost(IOException e) {
        return new ProviderException(Kind.CONNECTION, "cannot connect to " + endpoint.url() + ": the host name '"
                + endpoint.url().getHost() + "' does not resolve (unknown host); check the name or use the IP address", e);
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

    private static Answer answer(ClassicHttpResponse resp) throws IOException {
        return new Answer(resp.getCode(), readBody(resp));
    }

    private static JsonNode readBody(ClassicHttpResponse resp) throws IOException {
        HttpEntity entity = resp.getEntity();
        if (entity == null) {
            return null;
        }
        Header encoding = resp.getFirstHeader("Content-Encoding");
        boolean gzip = encoding != null && encoding.getValue().equalsIgnoreCase("gzip");
        try (InputStream raw = entity.getContent(); InputStream in = gzip ? new GZIPInputStream(raw) : raw) {
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
        evictor.shutdown();
        http.close(CloseMode.GRACEFUL); // closes the pooled connections
    }
}
