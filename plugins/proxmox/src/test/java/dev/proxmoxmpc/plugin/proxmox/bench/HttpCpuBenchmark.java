package dev.proxmoxmpc.plugin.proxmox.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proxmoxmpc.plugin.proxmox.http.Json;
import dev.proxmoxmpc.plugin.proxmox.http.PveClient;
import dev.proxmoxmpc.plugin.proxmox.http.TlsSetup;
import dev.proxmoxmpc.plugin.simulator.SimulatorOptions;
import dev.proxmoxmpc.plugin.simulator.SimulatorServer;
import dev.proxmoxmpc.spi.provider.Endpoint;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * CPU per request of the HTTP client: {@code bench.requests} (default 20000) GETs of guest configs from the
 * in-process simulator over HTTPS by {@code bench.concurrency} (default 32) threads, through java.net.http (as
 * PveClient did before issue 21, with the default executor and with a direct one) and through {@link PveClient}
 * (Apache HttpClient 5 classic, pooled). Process CPU time, simulator included (the same for every client), two
 * rounds (the first warms up).
 *
 * <p>Run: {@code ./mvnw -q -B -o -pl plugins/proxmox -am verify -Dtest=HttpCpuBenchmark -Dgroups=benchmark
 * -Dproxmox.excludedGroups=none -Dsurefire.failIfNoSpecifiedTests=false -DskipITs -Djapicmp.skip}. Results:
 * {@code target/benchmarks/http-cpu.txt}.
 */
@Tag("benchmark")
class HttpCpuBenchmark {
    interface Getter { JsonNode get(String path) throws Exception; }

    @Test
    void cpuPerRequest() throws Exception {
        int n = Integer.getInteger("bench.requests", 20_000);
        int threads = Integer.getInteger("bench.concurrency", 32);
        try (SimulatorServer server = SimulatorServer.start(SimulatorOptions.builder().scenario("large:200").port(0).build())) {
            String base = server.url().toString().replaceAll("/+$", "") + "/api2/json";
            String auth = "PVEAPIToken=" + server.tokenId() + "=" + server.tokenSecret();
            TlsSetup tls = TlsSetup.of(Endpoint.Tls.pinned(server.fingerprint()));
            HttpClient jdk = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(tls.context()).build();
            Getter jdkGet = jdkGetter(jdk, base, auth);
            JsonNode res = jdkGet.get("/cluster/resources?type=vm");
            List<String> paths = new ArrayList<>();
            res.path("data").forEach(g -> paths.add("/nodes/" + g.path("node").asText() + "/" + g.path("type").asText() + "/" + g.path("vmid").asText() + "/config"));
            HttpClient jdkDirect = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(tls.context()).executor(Runnable::run).build();
            Endpoint endpoint = new Endpoint("bench", server.url(), server.tokenId(), server.tokenSecret(), "", "",
                    Endpoint.Tls.pinned(server.fingerprint()), Duration.ofSeconds(60), threads);
            PveClient pve = new PveClient(endpoint);
            Getter pveGet = path -> {
                JsonNode data = pve.get(path);
                return Json.MAPPER.createObjectNode().set("data", data);
            };
            String[] names = {"java.net.http", "java.net.http, direct exec", "PveClient (httpclient5)"};
            Getter[] getters = {jdkGet, jdkGetter(jdkDirect, base, auth), pveGet};
            StringBuilder report = new StringBuilder();
            for (int round = 0; round < 2; round++) {
                for (int i = 0; i < getters.length; i++) {
                    report.append(run(names[i] + (round == 0 ? " (warm-up)" : ""), getters[i], paths, n, threads));
                }
            }
            pve.close();
            Path out = Path.of("target", "benchmarks", "http-cpu.txt");
            Files.createDirectories(out.getParent());
            Files.writeString(out, report);
            System.out.print(report); // the benchmark's output is its report
        }
    }

    private static Getter jdkGetter(HttpClient c, String base, String auth) {
        return path -> {
            HttpRequest req = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json")
                    .header("Accept-Encoding", "gzip").header("Authorization", auth).GET().build();
            HttpResponse<InputStream> r = c.send(req, HttpResponse.BodyHandlers.ofInputStream());
            boolean gz = r.headers().firstValue("Content-Encoding").map(v -> v.equalsIgnoreCase("gzip")).orElse(false);
            try (InputStream raw = r.body(); InputStream in = gz ? new java.util.zip.GZIPInputStream(raw) : raw) {
                return Json.MAPPER.readTree(in.readAllBytes());
            }
        };
    }

    private static String run(String name, Getter g, List<String> paths, int n, int threads) throws Exception {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger next = new AtomicInteger();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        List<Future<?>> fs = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            fs.add(pool.submit(() -> {
                for (int i; (i = next.getAndIncrement()) < n; ) {
                    JsonNode node = g.get(paths.get(i % paths.size()));
                    if (node.path("data").isMissingNode()) {
                        throw new IllegalStateException("no data");
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : fs) {
            f.get();
        }
        long wall = System.nanoTime() - t0;
        long cpu = os.getProcessCpuTime() - cpu0;
        pool.shutdown();
        return String.format(Locale.ROOT, "%-38s %d GETs, %d threads: wall %5d ms, process CPU %6d ms, %4.0f us CPU/request%n",
                name, n, threads, wall / 1_000_000, cpu / 1_000_000, cpu / 1000.0 / n);
    }
}
