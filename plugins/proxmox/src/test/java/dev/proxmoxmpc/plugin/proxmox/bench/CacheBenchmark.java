package dev.proxmoxmpc.plugin.proxmox.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proxmoxmpc.plugin.proxmox.ProxmoxProvider;
import dev.proxmoxmpc.plugin.proxmox.ProxmoxSession;
import dev.proxmoxmpc.plugin.simulator.SimulatorOptions;
import dev.proxmoxmpc.plugin.simulator.SimulatorServer;
import dev.proxmoxmpc.spi.console.Progress;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.model.Node;
import dev.proxmoxmpc.spi.model.Storage;
import dev.proxmoxmpc.spi.model.Volume;
import dev.proxmoxmpc.spi.provider.Endpoint;
import dev.proxmoxmpc.spi.provider.ReadPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * N "Tab completions" (default 50) against the demo scenario with a fixed injected latency per request (default
 * 5 ms), each in a new session as the console opens one per command, each reading the ISO and container-template
 * lists of every storage that holds them on every node: all {@code LIVE}, then all {@code CACHED}. Reports wall time
 * and requests of both.
 *
 * <p>Run: {@code bench/cache.sh}, or {@code ./mvnw -q -B -o -pl plugins/proxmox verify -Dtest=CacheBenchmark
 * -Dgroups=benchmark -Dproxmox.excludedGroups=none -Dsurefire.failIfNoSpecifiedTests=false -DskipITs} (options
 * {@code -Dbench.completions}, {@code -Dbench.latencyMs}). Results: {@code target/benchmarks/cache.txt}.
 */
@Tag("benchmark")
class CacheBenchmark {
    /** One list a completion reads. */
    private record Read(String node, String storage, String content) {}

    /** What a series of completions cost, and what the last one found. */
    private record Series(long wallMs, long[] completionMs, long requests, List<Volume> lastAnswer) {
        double meanMs() {
            return Arrays.stream(completionMs).average().orElse(0);
        }

        long p95Ms() {
            long[] sorted = completionMs.clone();
            Arrays.sort(sorted);
            return sorted[(int) Math.ceil(sorted.length * 0.95) - 1];
        }
    }

    @TempDir
    Path cacheRoot;

    @Test
    void cachedCompletionsSkipTheRoundTrips() throws Exception {
        int completions = Integer.getInteger("bench.completions", 50);
        long latency = Long.getLong("bench.latencyMs", 5);
        try (SimulatorServer server = SimulatorServer.start(SimulatorOptions.builder().scenario("demo").port(0).build())) {
            Endpoint endpoint = new Endpoint("bench", server.url(), server.tokenId(), server.tokenSecret(), "", "",
                    Endpoint.Tls.pinned(server.fingerprint()), Duration.ofSeconds(60), 8);
            List<Read> reads = reads(endpoint);
            series(endpoint, cacheRoot.resolve("warm-up"), ReadPolicy.LIVE, 20, reads); // JIT, no latency
            server.faults().latencyMs(latency);
            long serverBefore = server.requestCount();
            Series live = series(endpoint, cacheRoot.resolve("live"), ReadPolicy.LIVE, completions, reads);
            Series cached = series(endpoint, cacheRoot.resolve("cached"), ReadPolicy.CACHED, completions, reads);
            long serverRequests = server.requestCount() - serverBefore;
            String report = String.format(Locale.ROOT,
                    "%d Tab completions on the demo scenario, %d ms latency per request, a new session per completion,%n"
                            + "  each reading %d lists (%s):%n"
                            + "  LIVE    wall %5d ms, per completion mean %5.1f ms, p95 %3d ms, requests %d%n"
                            + "  CACHED  wall %5d ms, per completion mean %5.1f ms, p95 %3d ms, requests %d (first completion %d ms)%n"
                            + "  speed-up %.1fx; the simulator counted %d requests%n",
                    completions, latency, reads.size(), describe(reads), live.wallMs(), live.meanMs(), live.p95Ms(),
                    live.requests(), cached.wallMs(), cached.meanMs(), cached.p95Ms(), cached.requests(),
                    cached.completionMs()[0], (double) live.wallMs() / Math.max(1, cached.wallMs()), serverRequests);
            Path out = Path.of("target", "benchmarks", "cache.txt");
            Files.createDirectories(out.getParent());
            Files.writeString(out, report);
            System.out.print(report); // the benchmark's output is its report
            assertThat(cached.lastAnswer()).isEqualTo(live.lastAnswer()).isNotEmpty();
            assertThat(live.requests()).isEqualTo((long) completions * reads.size());
            assertThat(cached.requests()).isEqualTo(reads.size());
            assertThat(serverRequests).isEqualTo(live.requests() + cached.requests());
        }
    }

    /** @return the ISO and template lists of every storage holding them, on every node it is available on */
    private static List<Read> reads(Endpoint endpoint) {
        Inventory inventory;
        try (ProxmoxSession s = (ProxmoxSession) new ProxmoxProvider().connect(endpoint)) {
            inventory = s.discover(Progress.NONE);
        }
        List<Read> reads = new ArrayList<>();
        for (Node node : inventory.nodes()) {
            for (Storage storage : inventory.storages()) {
                for (String content : List.of("iso", "vztmpl")) {
                    if (storage.content().contains(content) && storage.availableOn(node.name())) {
                        reads.add(new Read(node.name(), storage.id(), content));
                    }
                }
            }
        }
        return reads;
    }

    private static Series series(Endpoint endpoint, Path cacheDir, ReadPolicy policy, int completions, List<Read> reads) {
        long[] each = new long[completions];
        long requests = 0;
        List<Volume> last = List.of();
        long start = System.nanoTime();
        for (int i = 0; i < completions; i++) {
            long t0 = System.nanoTime();
            try (ProxmoxSession s = (ProxmoxSession) new ProxmoxProvider().connect(endpoint, cacheDir)) {
                List<Volume> found = new ArrayList<>();
                for (Read r : reads) {
                    found.addAll(s.volumes(r.node(), r.storage(), r.content(), policy));
                }
                last = found;
                requests += s.client().requestCount();
            }
            each[i] = (System.nanoTime() - t0) / 1_000_000;
        }
        return new Series((System.nanoTime() - start) / 1_000_000, each, requests, last);
    }

    private static String describe(List<Read> reads) {
        return String.join(", ", reads.stream().map(r -> r.node() + " " + r.storage() + " " + r.content()).toList());
    }
}
