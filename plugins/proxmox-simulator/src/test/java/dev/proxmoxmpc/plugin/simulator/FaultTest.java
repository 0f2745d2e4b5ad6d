package dev.proxmoxmpc.plugin.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Failure, drop and latency injection, set at start and at run time. */
class FaultTest {
    static SimulatorServer server;
    static PveHttp http;

    @BeforeAll
    static void start() {
        server = SimulatorServer.start(SimulatorOptions.builder().scenario("empty").build());
        http = new PveHttp(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @AfterEach
    void reset() {
        server.faults().reset();
    }

    @Test
    void failRateOneAnswersEveryRequestWith500() {
        server.faults().failRate(1.0);
        PveHttp.Response r = http.get("/version");
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.message()).isEqualTo("simulated failure (fault injection)\n");
        server.faults().failRate(0);
        assertThat(http.get("/version").status()).isEqualTo(200);
    }

    @Test
    void dropRateOneClosesConnectionsWithoutAnswer() {
        server.faults().dropRate(1.0);
        assertThatThrownBy(() -> http.get("/version")).isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void requestsAreCountedAndLatencyDoesNotBreakAnswers() {
        long before = server.requestCount();
        server.faults().latencyMs(5, 20);
        assertThat(http.get("/version").status()).isEqualTo(200);
        assertThat(http.get("/nodes").status()).isEqualTo(200);
        assertThat(server.requestCount()).isEqualTo(before + 2);
    }

    @Test
    void optionsAtStartApplyFromTheFirstRequest() {
        try (SimulatorServer failing = SimulatorServer.start(SimulatorOptions.builder().scenario("empty").failRate(1.0).build())) {
            assertThat(new PveHttp(failing).get("/version").status()).isEqualTo(500);
        }
    }

    @Test
    void unauthorizedDelayIsAppliedBefore401sOnly() {
        server.faults().unauthorizedDelayMs(300);
        long t0 = System.nanoTime();
        assertThat(new PveHttp(server).noAuth().get("/version").status()).isEqualTo(401);
        long waited = (System.nanoTime() - t0) / 1_000_000;
        assertThat(waited).as("a 401 is not answered before the configured delay").isGreaterThanOrEqualTo(300);
        assertThat(http.get("/version").status()).isEqualTo(200);
        server.faults().unauthorizedDelayMs(0);
    }

    @Test
    void rejectsRatesOutsideZeroToOne() {
        assertThatThrownBy(() -> server.faults().failRate(1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SimulatorOptions.builder().dropRate(-1).build()).isInstanceOf(IllegalArgumentException.class);
    }
}
