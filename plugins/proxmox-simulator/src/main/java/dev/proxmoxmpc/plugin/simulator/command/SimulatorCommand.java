package dev.proxmoxmpc.plugin.simulator.command;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.proxmoxmpc.plugin.simulator.SimulatorOptions;
import dev.proxmoxmpc.plugin.simulator.SimulatorServer;
import dev.proxmoxmpc.spi.command.FixedCandidates;
import dev.proxmoxmpc.spi.command.Ranges;
import dev.proxmoxmpc.spi.command.CommandException;
import dev.proxmoxmpc.spi.command.CommandResult;
import dev.proxmoxmpc.spi.command.ConsoleCommand;
import dev.proxmoxmpc.spi.command.UsageException;
import dev.proxmoxmpc.spi.console.Console;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import java.util.List;
import org.pf4j.Extension;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

/**
 * {@code simulator}: serves a simulated Proxmox VE API on 127.0.0.1 until interrupted (Ctrl-C) or killed. With
 * {@code --json} the first line printed is one JSON object (url, port, fingerprint, tokenId, tokenSecret, ...).
 */
@Extension
@Command(name = "simulator", description = "Serve a simulated Proxmox VE API (HTTPS on 127.0.0.1) for tests and demos",
        footer = {"simulator --scenario demo --port 8006", "simulator --scenario large:10000 --port 0 --json",
            "simulator --scenario my-cluster.yml --latency-ms 50 --fail-rate 0.01"})
public final class SimulatorCommand implements ConsoleCommand {
    @Option(names = "--scenario", paramLabel = "demo|large:N|empty|FILE.yml", completionCandidates = Scenarios.class,
            description = "the cluster to simulate")
    private String scenario = "demo";
    @Option(names = "--port", paramLabel = "8006|0", converter = AnyPort.class, description = "0 picks a free port")
    private int port = 8006;
    @Option(names = "--latency-ms", paramLabel = "N", converter = Millis.class, description = "delay every answer")
    private Long latencyMs;
    @Option(names = "--latency-max-ms", paramLabel = "N", converter = Millis.class, description = "up to this delay, at random")
    private Long latencyMaxMs;
    @Option(names = "--fail-rate", paramLabel = "F", converter = Rate.class, description = "fraction of tasks that fail")
    private double failRate;
    @Option(names = "--drop-rate", paramLabel = "F", converter = Rate.class, description = "fraction of requests dropped")
    private double dropRate;
    @Option(names = "--task-ms", paramLabel = "N", converter = Millis.class, description = "how long a task runs")
    private long taskMs = 300;
    @Option(names = "--unauthorized-delay-ms", paramLabel = "N", converter = Millis.class,
            description = "delay before a 401")
    private long unauthorizedDelayMs;
    @Option(names = "--seed", paramLabel = "N", converter = Millis.class, description = "random seed")
    private long seed = 42;
    @Option(names = "--password", paramLabel = "P", description = "the root@pam password")
    private String password = "simulator";
    @Option(names = "--token-secret", paramLabel = "S", description = "the API token's secret (default: random)")
    private String tokenSecret = "";

    /** Tab: the built-in scenarios. */
    static final class Scenarios extends FixedCandidates {
        Scenarios() {
            super("demo", "large:1000", "large:10000", "empty");
        }
    }

    /** A port, or 0 for any free one. */
    static final class AnyPort implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return Ranges.wholeNumber(value, 0, 65535);
        }
    }

    /** A whole number of at least 0. */
    static final class Millis implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            return (long) Ranges.wholeNumber(value, 0, Integer.MAX_VALUE);
        }
    }

    /** A fraction between 0 and 1. */
    static final class Rate implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            return rate(value);
        }
    }

    public SimulatorCommand() {
    }

    /** @return the options of this command line, checked together (pure). */
    public SimulatorOptions options() {
        SimulatorOptions.Builder b = SimulatorOptions.builder().scenario(scenario).port(port).seed(seed).password(password)
                .tokenSecret(tokenSecret).taskDurationMs(taskMs).unauthorizedDelayMs(unauthorizedDelayMs).failRate(failRate)
                .dropRate(dropRate);
        long latency = latencyMs == null ? 0L : latencyMs;
        b.latencyMs(latency, latencyMaxMs == null ? latency : latencyMaxMs);
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    @Override
    public CommandResult execute(KernelContext ctx) throws Exception {
        SimulatorOptions options = options();
        boolean json = ctx.console().jsonRequested();
        SimulatorServer server;
        try {
            server = SimulatorServer.start(options);
        } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
            throw new CommandException(e.getMessage() + " (try --port 0 for a free port)");
        }
        try (server) {
            render(ctx.console(), SimulatorInfo.of(server, options.scenarioSpec()), json);
            while (!Thread.currentThread().isInterrupted()) {
                Thread.sleep(500);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ctx.console().info("simulator stopped");
        return CommandResult.ok();
    }

    static void render(Console console, SimulatorInfo info, boolean json) throws JsonProcessingException {
        if (json) {
            console.println(new ObjectMapper().writeValueAsString(info));
            return;
        }
        console.success("Proxmox VE simulator (scenario " + info.scenario() + ", " + info.guests() + " guests) at " + info.url());
        console.println("  API:          " + info.url() + "/api2/json");
        console.println("  fingerprint:  " + info.fingerprint());
        console.println("  API token:    " + info.tokenId() + "=" + info.tokenSecret());
        console.println("  ticket login: " + info.username() + " / " + info.password());
        console.println("  try:          curl -k -H 'Authorization: PVEAPIToken=" + info.tokenId() + "=" + info.tokenSecret()
                + "' " + info.url() + "/api2/json/cluster/resources");
        console.info("Serving until interrupted (Ctrl-C).");
    }

    private static long longValue(String v) {
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new UsageException("expected a whole number, got '" + v + "'");
        }
    }

    private static double rate(String v) {
        try {
            double d = Double.parseDouble(v.trim());
            if (d < 0 || d > 1) {
                throw new UsageException("rates are fractions between 0 and 1, got '" + v + "'");
            }
            return d;
        } catch (NumberFormatException e) {
            throw new UsageException("expected a fraction like 0.05, got '" + v + "'");
        }
    }
}
