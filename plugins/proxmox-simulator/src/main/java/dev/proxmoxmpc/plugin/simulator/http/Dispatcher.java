package dev.proxmoxmpc.plugin.simulator.http;

import dev.proxmoxmpc.plugin.simulator.error.ApiException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderMap;
import io.undertow.util.HttpString;
import io.undertow.util.SameThreadExecutor;
import dev.proxmoxmpc.plugin.simulator.auth.Authenticator;
import dev.proxmoxmpc.plugin.simulator.auth.CodeChecks;
import dev.proxmoxmpc.plugin.simulator.auth.Principal;
import dev.proxmoxmpc.plugin.simulator.schema.ApiSchema;
import dev.proxmoxmpc.plugin.simulator.schema.Endpoint;
import dev.proxmoxmpc.plugin.simulator.schema.ParameterValidator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;
import org.xnio.IoUtils;

/**
 * The HTTP side of pveproxy: faults and latency, {@code /api2/json} routing, parameter parsing, authentication,
 * schema validation, permission checks, then the handler under the cluster's monitor; answers in PVE's envelope
 * with its headers and error bodies. The status line carries PVE's reason phrase: the first line of the message
 * ({@code HTTP/1.1 500 VM 100 is running - destroy failed}, {@code 400 Parameter verification failed.}).
 * Runs on the server's I/O threads, as pveproxy's workers answer in their event loop: nothing here blocks. The request
 * body is received and the answer sent without blocking, and latency and the 401 delay are timers on the I/O thread,
 * not sleeping threads.
 */
public final class Dispatcher implements HttpHandler {
    private static final String PREFIX = "/api2/json";
    private static final int MAX_BODY = 512 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Router router;
    private final Authenticator auth;
    private final FaultPolicy faults;
    private final Object lock;
    private final AtomicLong requests = new AtomicLong();

    public Dispatcher(Router router, Authenticator auth, FaultPolicy faults, Object lock) {
        this.router = router;
        this.auth = auth;
        this.faults = faults;
        this.lock = lock;
    }

    public long requestCount() {
        return requests.get();
    }

    @Override
    public void handleRequest(HttpServerExchange ex) {
        requests.incrementAndGet();
        long latency = faults.nextLatencyMs();
        if (latency > 0) {
            later(ex, latency, () -> receive(ex));
        } else {
            receive(ex);
        }
    }

    /** Runs {@code task} on the exchange's I/O thread after {@code ms}; the exchange stays open until it answers. */
    private static void later(HttpServerExchange ex, long ms, Runnable task) {
        ex.dispatch(SameThreadExecutor.INSTANCE, () -> ex.getIoThread().executeAfter(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                IoUtils.safeClose(ex.getConnection());
            }
        }, ms, TimeUnit.MILLISECONDS));
    }

    private void receive(HttpServerExchange ex) {
        ex.getRequestReceiver().receiveFullBytes(this::answer, (e, error) -> IoUtils.safeClose(e.getConnection()));
    }

    private void answer(HttpServerExchange ex, byte[] body) {
        try {
            if (faults.shouldDrop()) {
                IoUtils.safeClose(ex.getConnection());
                return;
            }
            Object data = dispatch(ex, body);
            writeJson(ex, 200, "OK", data instanceof Envelope e ? envelope(e.data(), e.total(), e.changes()) : envelope(data, -1, null));
        } catch (ApiException e) {
            long delay = e.status() == 401 ? faults.unauthorizedDelayMs() : 0;
            if (delay > 0) {
                later(ex, delay, () -> writeError(ex, e));
            } else {
                writeError(ex, e);
            }
        } catch (RuntimeException e) {
            writeError(ex, ApiException.failed(String.valueOf(e.getMessage())));
        }
    }

    /** @return the reason phrase PVE sends: the message's first line, without control characters */
    static String reasonPhrase(String message) {
        String first = message.lines().findFirst().orElse("").replaceAll("[\\p{Cntrl}]", " ").trim();
        return first.isEmpty() ? "Error" : first;
    }

    private Object dispatch(HttpServerExchange ex, byte[] body) {
        String method = ex.getRequestMethod().toString();
        String rawPath = ex.getRequestPath();
        if (!rawPath.equals(PREFIX) && !rawPath.startsWith(PREFIX + "/")) {
            throw ApiException.notImplemented("no such uri");
        }
        String path = rawPath.substring(PREFIX.length());
        List<String> segments = new ArrayList<>();
        for (String s : path.split("/")) {
            if (!s.isEmpty()) {
                segments.add(URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8));
            }
        }
        if (body.length > MAX_BODY) {
            throw ApiException.notImplemented("for data too large");
        }
        Map<String, String> params = new LinkedHashMap<>();
        if (method.equals("GET") || method.equals("DELETE")) {
            if (body.length > 0) {
                throw ApiException.notImplemented("Unexpected content for method '" + method + "'");
            }
        } else {
            String ct = String.valueOf(ex.getRequestHeaders().getFirst("Content-Type"));
            params.putAll(ct.startsWith("application/json") ? RequestParams.json(body)
                    : RequestParams.form(new String(body, StandardCharsets.UTF_8)));
        }
        params.putAll(RequestParams.form(ex.getQueryString().isEmpty() ? null : ex.getQueryString()));
        params.remove("_dc");
        String display = "/" + String.join("/", segments);
        Router.Match match = router.find(method, segments);
        if (match == null) {
            throw ApiException.notImplemented("Method '" + method + " " + display + "' not implemented");
        }
        Principal who = Principal.ANONYMOUS;
        if (match.route().needsAuth()) {
            HeaderMap h = ex.getRequestHeaders();
            who = auth.authenticate(method, h.getFirst("Cookie"), h.getFirst("Authorization"),
                    h.getFirst("CSRFPreventionToken"));
        }
        for (Map.Entry<String, String> v : match.vars().entrySet()) {
            String given = params.get(v.getKey());
            if (given != null && !given.equals(v.getValue())) {
                throw ApiException.parameter(v.getKey(), "duplicate parameter (already defined in URI) with conflicting values!");
            }
            params.put(v.getKey(), v.getValue());
        }
        if (segments.size() >= 2 && segments.get(0).equals("nodes") && faults.nodeUnreachable(segments.get(1))) {
            throw ApiException.unreachable(); // pveproxy proxies the call to the node, which does not answer
        }
        if (faults.shouldFail()) {
            throw ApiException.failed("simulated failure (fault injection)");
        }
        Endpoint endpoint = ApiSchema.bundled().endpoint(method, match.route().template()).orElse(null);
        if (endpoint != null) {
            ParameterValidator.validate(endpoint, params);
            Permissions.check(endpoint.permissions(), params, who);
        }
        CodeChecks.bundled().check(method, match.route().template(), params, who);
        ApiRequest request = new ApiRequest(method, display, params, who);
        synchronized (lock) {
            return match.route().handler().handle(request);
        }
    }

    private static Map<String, Object> envelope(Object data, long total, String changes) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("data", data);
        if (total >= 0) {
            m.put("total", total);
        }
        if (changes != null && !changes.isEmpty()) {
            m.put("changes", changes);
        }
        return m;
    }

    private void writeError(HttpServerExchange ex, ApiException e) {
        if (e.emptyBody()) {
            headers(ex, false, true);
            ex.setStatusCode(e.status());
            ex.setReasonPhrase(reasonPhrase(e.getMessage()));
            ex.setResponseContentLength(0);
            ex.endExchange();
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        if (!e.errors().isEmpty()) {
            body.put("errors", e.errors());
        }
        body.put("data", null);
        body.put("message", e.getMessage() + "\n");
        writeJson(ex, e.status(), reasonPhrase(e.getMessage()), body);
    }

    /** Answers without blocking: the sender finishes the write when the connection can take it, then ends the exchange. */
    private void writeJson(HttpServerExchange ex, int status, String reason, Object body) {
        byte[] bytes;
        try {
            bytes = JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        headers(ex, true, status >= 400);
        String accept = ex.getRequestHeaders().getFirst("Accept-Encoding");
        if (accept != null && accept.contains("gzip") && bytes.length > 1024) {
            ByteArrayOutputStream zipped = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
                gz.write(bytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e); // not thrown: the stream is in memory
            }
            bytes = zipped.toByteArray();
            ex.getResponseHeaders().put(HttpString.tryFromString("Content-Encoding"), "gzip");
        }
        ex.setStatusCode(status);
        ex.setReasonPhrase(reason);
        ex.setResponseContentLength(bytes.length);
        ex.getResponseSender().send(ByteBuffer.wrap(bytes));
    }

    /** The last formatted {@code Date}, by epoch second: the format has no finer unit. */
    private static volatile DateStamp lastDate = new DateStamp(Long.MIN_VALUE, "");

    private record DateStamp(long second, String text) {
    }

    /** @return the RFC 1123 date of now, formatted once per second */
    static String httpDate() {
        long second = Math.floorDiv(System.currentTimeMillis(), 1000L);
        DateStamp d = lastDate;
        if (d.second() != second) {
            d = new DateStamp(second, DateTimeFormatter.RFC_1123_DATE_TIME.format(
                    ZonedDateTime.ofInstant(Instant.ofEpochSecond(second), ZoneOffset.UTC)));
            lastDate = d;
        }
        return d.text();
    }

    private static void headers(HttpServerExchange ex, boolean json, boolean close) {
        HeaderMap h = ex.getResponseHeaders();
        String date = httpDate();
        h.put(HttpString.tryFromString("Server"), "pve-api-daemon/3.0");
        h.put(HttpString.tryFromString("Date"), date);
        h.put(HttpString.tryFromString("Expires"), date);
        h.put(HttpString.tryFromString("Cache-Control"), "max-age=0");
        h.put(HttpString.tryFromString("Pragma"), "no-cache");
        if (json) {
            h.put(HttpString.tryFromString("Content-Type"), "application/json;charset=UTF-8");
        }
        if (close) {
            h.put(HttpString.tryFromString("Connection"), "close");
        }
    }
}
