package dev.proxmoxmpc.plugin.simulator.command;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.proxmoxmpc.plugin.simulator.SimulatorOptions;
import dev.proxmoxmpc.plugin.simulator.SimulatorServer;
import dev.proxmoxmpc.spi.command.Args;
import dev.proxmoxmpc.spi.command.CommandException;
import dev.proxmoxmpc.spi.command.CommandResult;
import dev.proxmoxmpc.spi.command.ConsoleCommand;
import dev.proxmoxmpc.spi.command.UsageException;
import dev.proxmoxmpc.spi.console.Console;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import java.util.List;
import java.util.Set;
import org.pf4j.Extension;

/**
 * {@code simulator}: serves a simulated Proxmox VE API on 127.0.0.1 until interrupted (Ctrl-C) or killed. With
 * {@code --json} the first line printed is one JSON object (url, port, fingerprint, tokenId, tokenSecret, ...).
 */
@Extension
public final class SimulatorCommand implements ConsoleCommand {
    private static final Set<String> VALUES = Set.of("--scenario", "--port", "--latency-ms", "--latency-max-ms",
            "--fail-rate", "--drop-rate", "--task-ms", "--unauthorized-delay-ms", "--seed", "--password", "--token-secret");
    private static final Set<String> FLAGS = Set.of("--json");

    public SimulatorCommand() {
    }

    @Override
    public String name() {
        return "simulator";
    }

    @Override
    public String summary() {
        return "Serve a simulated Proxmox VE API (HTTPS on 127.0.0.1) for tests and demos";
    }

    @Override
    public String usage() {
        return "simulator [--scenario demo|large:N|empty|FILE.yml] [--port 8006|0] [--json] [--latency-ms N]"
                + " [--latency-max-ms N] [--fail-rate F] [--drop-rate F] [--task-ms N] [--unauthorized-delay-ms N]"
                + " [--seed N] [--password P] [--token-secret S]";
    }

    @Override
    public List<String> examples() {
        return List.of("simulator --scenario demo --port 8006", "simulator --scenario large:10000 --port 0 --json",
                "simulator --scenario my-cluster.yml --latency-ms 50 --fail-rate 0.01");
    }

    @Override
    public List<String> complete(KernelContext ctx, List<String> words) {
        if (words.size() >= 2 && words.get(words.size() - 2).equals("--scenario")) {
            return List.of("demo", "large:1000", "large:10000", "empty");
        }
        List<String> all = new java.util.ArrayList<>(VALUES);
        all.addAll(FLAGS);
        return all;
    }

    /** Parses the command line into options (pure). */
    public static SimulatorOptions parse(List<String> words) {
        Args a = Args.parse(words, VALUES, FLAGS);
        if (!a.positionals().isEmpty()) {
            throw new UsageException("unexpected argument '" + a.positionals().get(0) + "'; usage: simulator --scenario demo");
        }
        SimulatorOptions.Builder b = SimulatorOptions.builder()
                .scenario(a.value("--scenario", "demo"))
                .port(a.intValue("--port").orElse(8006))
                .seed(a.value("--seed").map(SimulatorCommand::longValue).orElse(42L))
                .password(a.value("--password", "simulator"))
                .tokenSecret(a.value("--token-secret", ""))
                .taskDurationMs(a.value("--task-ms").map(SimulatorCommand::longValue).orElse(300L))
                .unauthorizedDelayMs(a.value("--unauthorized-delay-ms").map(SimulatorCommand::longValue).orElse(0L))
                .failRate(a.value("--fail-rate").map(SimulatorCommand::rate).orElse(0.0))
                .dropRate(a.value("--drop-rate").map(SimulatorCommand::rate).orElse(0.0));
        long latency = a.value("--latency-ms").map(SimulatorCommand::longValue).orElse(0L);
        b.latencyMs(latency, a.value("--latency-max-ms").map(SimulatorCommand::longValue).orElse(latency));
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    @Override
    public CommandResult execute(KernelContext ctx, List<String> args) throws Exception {
        SimulatorOptions options = parse(args);
        boolean json = ctx.console().jsonRequested() || args.contains("--json");
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
