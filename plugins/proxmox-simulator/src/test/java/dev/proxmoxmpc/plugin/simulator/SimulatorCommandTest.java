package dev.proxmoxmpc.plugin.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proxmoxmpc.plugin.simulator.command.SimulatorCommand;
import dev.proxmoxmpc.spi.command.CommandResult;
import dev.proxmoxmpc.spi.command.UsageException;
import dev.proxmoxmpc.spi.testkit.Commands;
import dev.proxmoxmpc.spi.testkit.RecordingConsole;
import dev.proxmoxmpc.spi.testkit.TestKernelContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code simulator} console command: options, the JSON first line, serving until interrupted. */
class SimulatorCommandTest {

    @Test
    void parsesOptions() {
        SimulatorOptions o = Commands.parse(new SimulatorCommand(), List.of("--scenario", "large:50", "--port", "0", "--latency-ms", "5",
                "--fail-rate", "0.25", "--task-ms", "10")).options();
        assertThat(o.scenarioSpec()).isEqualTo("large:50");
        assertThat(o.port()).isZero();
        assertThat(o.latencyMs()).isEqualTo(5);
        assertThat(o.failRate()).isEqualTo(0.25);
        assertThat(o.taskDurationMs()).isEqualTo(10);
        assertThat(Commands.parse(new SimulatorCommand(), List.of()).options().port()).isEqualTo(8006);
    }

    @Test
    void rejectsBadOptionsWithAUsageError() {
        assertThatThrownBy(() -> Commands.parse(new SimulatorCommand(), List.of("--fail-rate", "2")).options()).isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> Commands.parse(new SimulatorCommand(), List.of("--scenaro", "demo")).options())
                .isInstanceOf(UsageException.class).hasMessageContaining("did you mean --scenario");
    }

    @Test
    void printsOneJsonLineFirstAndServesUntilInterrupted(@TempDir Path dir) throws Exception {
        RecordingConsole console = new RecordingConsole();
        TestKernelContext ctx = TestKernelContext.builder().root(dir).console(console).build();
        AtomicReference<CommandResult> result = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                result.set(Commands.run(new SimulatorCommand(), ctx, List.of("--scenario", "demo", "--port", "0", "--json")));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        t.start();
        for (int i = 0; i < 600 && console.lines().isEmpty(); i++) {
            Thread.sleep(50);
        }
        String first = console.lines().get(0);
        JsonNode info = PveHttp.JSON.readTree(first);
        assertThat(info.fieldNames()).toIterable().contains("url", "port", "fingerprint", "tokenId", "tokenSecret");
        assertThat(info.get("url").asText()).isEqualTo("https://127.0.0.1:" + info.get("port").asInt());
        assertThat(info.get("fingerprint").asText()).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
        HttpClient insecure = HttpClient.newBuilder().sslContext(trustAll()).build();
        HttpResponse<String> r = insecure.send(HttpRequest.newBuilder(URI.create(info.get("url").asText() + "/api2/json/cluster/resources"))
                .header("Authorization", "PVEAPIToken=" + info.get("tokenId").asText() + "=" + info.get("tokenSecret").asText())
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("\"web-01\"");
        t.interrupt();
        t.join(10_000);
        assertThat(t.isAlive()).isFalse();
        assertThat(result.get().succeeded()).isTrue();
    }

    private static javax.net.ssl.SSLContext trustAll() throws Exception {
        javax.net.ssl.TrustManager tm = new javax.net.ssl.X509TrustManager() {
            @Override
            public void checkClientTrusted(java.security.cert.X509Certificate[] c, String a) {
            }

            @Override
            public void checkServerTrusted(java.security.cert.X509Certificate[] c, String a) {
            }

            @Override
            public java.security.cert.X509Certificate[] getAcceptedIssuers() {
                return new java.security.cert.X509Certificate[0];
            }
        };
        javax.net.ssl.SSLContext ctx = javax.net.ssl.SSLContext.getInstance("TLS");
        ctx.init(null, new javax.net.ssl.TrustManager[] {tm}, null);
        return ctx;
    }
}
