package dev.proxmoxmpc.plugin.simulator.command;

import dev.proxmoxmpc.plugin.simulator.DemoServers;
import dev.proxmoxmpc.plugin.simulator.SimulatorOptions;
import dev.proxmoxmpc.plugin.simulator.SimulatorServer;
import dev.proxmoxmpc.spi.command.CommandException;
import dev.proxmoxmpc.spi.command.CommandResult;
import dev.proxmoxmpc.spi.command.ConsoleCommand;
import dev.proxmoxmpc.spi.console.Console;
import dev.proxmoxmpc.spi.console.Style;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.pf4j.Extension;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code demo [DIR] [--batch]}: starts the simulator in this process with the demo scenario, creates a project in
 * DIR connected to it (pinned fingerprint, API token), imports it with /sync and shows a short tour. On a terminal
 * the console stays open in the demo project (the simulator runs as long as it does); {@code --batch} runs the
 * whole tour, a change planned and applied included, and ends.
 */
@Extension
@Command(name = "demo", description = "Try proxmox-mpc on a simulated 3-node cluster: project, /sync and a short tour",
        footer = {"demo", "demo /tmp/try-mpc --batch"})
public final class DemoCommand implements ConsoleCommand {
    static final String DEFAULT_DIR = "proxmox-demo";
    /** Marks a directory this command created, so a later demo may replace it. */
    static final String MARKER = "demo-project";
    @Parameters(paramLabel = "DIR", arity = "0..1", description = "where to put the demo project (default: proxmox-demo)")
    private String directory = DEFAULT_DIR;
    @Option(names = "--batch", description = "run the whole tour and exit, instead of opening the console")
    private boolean batch;
    @Option(names = "--port", paramLabel = "N", converter = SimulatorCommand.AnyPort.class,
            description = "the simulator's port (default: any free one)")
    private int port;

    /** One step of the tour: a command line and what it shows. */
    record Step(String command, String what) {}

    @Override
    public boolean opensConsole() {
        return !batch;
    }

    @Override
    public CommandResult execute(KernelContext ctx) throws Exception {
        Console console = ctx.console();
        Path dir = ctx.workspace().root().resolve(directory).toAbsolutePath().normalize();
        prepare(console, dir);

        DemoServers.stopAll();
        SimulatorServer server;
        try {
            server = SimulatorServer.start(SimulatorOptions.builder().scenario("demo").port(port).build());
        } catch (UncheckedIOException | IllegalArgumentException e) {
            throw new CommandException(e.getMessage() + (port == 0 ? "" : " (leave out --port for any free port)"));
        }
        DemoServers.add(server);
        console.success("Started the Proxmox VE simulator (demo scenario: 3 nodes, " + server.guestCount()
                + " guests) at " + server.url());

        ctx.useWorkspace(dir);
        ctx.secrets().put("default", server.tokenSecret());
        CommandResult init = ctx.execute("init --host 127.0.0.1 --port " + server.port() + " --token-id "
                + server.tokenId() + " --fingerprint " + server.fingerprint() + " --node pve1");
        if (!init.succeeded()) {
            return init;
        }
        writeMarker(dir);
        CommandResult sync = ctx.execute("/sync");
        if (!sync.succeeded()) {
            return sync;
        }
        return tour(ctx, batch, dir, server.firstVmName());
    }

    private CommandResult tour(KernelContext ctx, boolean batch, Path dir, String vm) {
        Console console = ctx.console();
        List<Step> steps = steps(vm);
        int shown = batch ? steps.size() : 2;
        console.println("");
        console.println(console.style(Style.BOLD, "A short tour") + " (the project is " + dir + ")");
        for (int i = 0; i < shown; i++) {
            Step s = steps.get(i);
            console.println("");
            console.println(console.style(Style.CYAN, "proxmox-mpc> " + s.command()) + console.style(Style.DIM, "   # " + s.what()));
            CommandResult r = ctx.execute(s.command());
            if (!r.succeeded()) {
                return r;
            }
        }
        console.println("");
        if (batch) {
            console.success("Tour done. The simulator stops with this process; run ./proxmox-mpc demo for the console.");
            return CommandResult.ok();
        }
        console.println(console.style(Style.BOLD, "Try next:"));
        for (Step s : steps.subList(shown, steps.size())) {
            console.println(String.format("  %-36s %s", s.command(), console.style(Style.DIM, s.what())));
        }
        console.println(String.format("  %-36s %s", "/help", console.style(Style.DIM, "every command, with examples")));
        console.info("The simulator runs while this console is open; the project stays in " + dir + ".");
        return CommandResult.ok();
    }

    static List<Step> steps(String vm) {
        List<Step> steps = new ArrayList<>();
        steps.add(new Step("/status", "what the project knows: guests, last sync, drift, pending changes"));
        steps.add(new Step("list vms", "the imported VMs, from local state (no network); --json for scripts"));
        if (!vm.isEmpty()) {
            steps.add(new Step("describe vm " + vm, "one VM in full: disks, NICs, cloud-init"));
            steps.add(new Step("scale vm " + vm + " --cores 4 --memory 8G", "a change in local state and in terraform/"));
        }
        steps.add(new Step("/plan", "what /apply would change on the server"));
        steps.add(new Step("/apply --yes", "carry it out through the Proxmox API (asks first without --yes)"));
        steps.add(new Step("/status", "server, state and files in step again"));
        return steps;
    }

    /** Makes {@code dir} ready: absent or empty, or an earlier demo project (replaced); anything else is refused. */
    static void prepare(Console console, Path dir) {
        if (Files.isRegularFile(dir)) {
            throw new CommandException(dir + " is a file; give the demo a directory: demo DIR");
        }
        if (!Files.isDirectory(dir) || isEmpty(dir)) {
            return;
        }
        if (!Files.isRegularFile(dir.resolve(".proxmox").resolve(MARKER))) {
            throw new CommandException(dir + " exists and is not an earlier demo project; nothing was changed. "
                    + "Choose another directory: demo DIR");
        }
        console.info("Replacing the earlier demo project in " + dir + ".");
        deleteTree(dir);
    }

    private static boolean isEmpty(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        } catch (IOException e) {
            throw new CommandException("cannot read " + dir + ": " + e.getMessage());
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                if (!p.equals(dir)) {
                    Files.delete(p);
                }
            }
        } catch (IOException e) {
            throw new CommandException("cannot remove the earlier demo project in " + dir + ": " + e.getMessage());
        }
    }

    private static void writeMarker(Path dir) {
        try {
            Files.writeString(dir.resolve(".proxmox").resolve(MARKER),
                    "Created by 'proxmox-mpc demo' against its built-in simulator; another demo run replaces this directory.\n",
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CommandException("cannot mark " + dir + " as a demo project: " + e.getMessage());
        }
    }
}
