package dev.proxmoxmpc.plugin.proxmox.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proxmoxmpc.plugin.proxmox.ProxmoxProvider;
import dev.proxmoxmpc.plugin.proxmox.ProxmoxSession;
import dev.proxmoxmpc.plugin.proxmox.http.PveClient;
import dev.proxmoxmpc.plugin.simulator.SimulatorOptions;
import dev.proxmoxmpc.plugin.simulator.SimulatorServer;
import dev.proxmoxmpc.spi.console.Progress;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.provider.Endpoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Discovery of {@code large:N} (default 10000 guests) with a fixed injected latency per request (default 5 ms),
 * reporting wall time and requests against the floor {@code requests x latency / concurrency}.
 *
 * <p>Run: {@code ./mvnw -q -B -o -pl plugins/proxmox verify -Dtest=DiscoveryBenchmark -Dgroups=benchmark
 * -Dproxmox.excludedGroups=none -Dsurefire.failIfNoSpecifiedTests=false -DskipITs} (options {@code -Dbench.guests},
 * {@code -Dbench.latencyMs}, {@code -Dbench.concurrency}: requests in flight in all, the endpoint gets that divided by
 * {@link PveClient#NODES_AT_ONCE} per node). Results: {@code target/benchmarks/discovery.txt}.
 */
@Tag("benchmark")
class DiscoveryBenchmark {

    @Test
    void discoversALargeClusterNearTheLatencyFloor() throws Exception {
        int guests = Integer.getInteger("bench.guests", 10_000);
        long latency = Long.getLong("bench.latencyMs", 5);
        // requests in flight in all: discovery keeps `concurrency` per node in flight, NODES_AT_ONCE nodes at a time
        int concurrency = Integer.getInteger("bench.concurrency", 32);
        int perNode = Math.max(1, concurrency / PveClient.NODES_AT_ONCE);
        try (SimulatorServer server = SimulatorServer.start(SimulatorOptions.builder().scenario("large:" + guests).port(0).build())) {
            Endpoint endpoint = new Endpoint("bench", server.url(), server.tokenId(), server.tokenSecret(), "", "",
                    Endpoint.Tls.pinned(server.fingerprint()), Duration.ofSeconds(60), perNode);
            long warmMs;
            try (ProxmoxSession warm = (ProxmoxSession) new ProxmoxProvider().connect(endpoint)) {
                long t0 = System.nanoTime();
                warm.discover(Progress.NONE); // JIT and connection warm-up, without latency
                warmMs = (System.nanoTime() - t0) / 1_000_000;
            }
            server.faults().latencyMs(latency);
            try (ProxmoxSession session = (ProxmoxSession) new ProxmoxProvider().connect(endpoint)) {
                long start = System.nanoTime();
                Inventory inv = session.discover(Progress.NONE);
                long wallMs = (System.nanoTime() - start) / 1_000_000;
                long requests = session.client().requestCount();
                double floorMs = requests * (double) latency / concurrency;
                String report = String.format(Locale.ROOT,
                        "discovery of large:%d, %d ms latency per request, concurrency %d (%d per node):%n"
                                + "  guests %d, nodes %d, requests %d%n"
                                + "  wall time %d ms, floor (requests x latency / concurrency) %.0f ms, ratio %.2f%n"
                                + "  (the same discovery without injected latency: %d ms)%n",
                        guests, latency, concurrency, perNode, inv.guests().size(), inv.nodes().size(), requests, wallMs, floorMs,
                        wallMs / floorMs, warmMs);
                Path out = Path.of("target", "benchmarks", "discovery.txt");
                Files.createDirectories(out.getParent());
                Files.writeString(out, report);
                System.out.print(report); // the benchmark's output is its report
                assertThat(inv.guests()).hasSize(guests);
            }
        }
    }
}
