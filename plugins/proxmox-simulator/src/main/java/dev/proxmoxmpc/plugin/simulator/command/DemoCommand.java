package dev.proxmoxmpc.plugin.simulator.command;

import dev.proxmoxmpc.plugin.simulator.DemoServers;
import dev.proxmoxmpc.plugin.simulator.SimulatorOptions;
import dev.proxmoxmpc.plugin.simulator.SimulatorServer;
import dev.proxmoxmpc.spi.command.Args;
import dev.proxmoxmpc.spi.command.CommandException;
import dev.proxmoxmpc.spi.command.CommandResult;
import dev.proxmoxmpc.spi.command.ConsoleCommand;
import dev.proxmoxmpc.spi.command.UsageException;
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
import java.util.Set;
import java.util.stream.Stream;
import org.pf4j.Extension;

/**
 * {@code demo [DIR] [--batch]}: starts the simulator in this process with the demo scenario, creates a project in
 * DIR connected to it (pinned fingerprint, API token), imports it with /sync and shows a short tour. On a terminal
 * the console stays open in the demo project (the simulator runs as long as it does); {@code --batch} runs the
 * whole tour, a change planned and applied included, and ends.
 */
@Extension
public final class DemoCommand implements ConsoleCommand {
    static final String DEFAULT_DIR = "proxmox-demo";
    /** Marks a directory this command created, so a later demo may replace it. */
    static final String MARKER = "demo-project";
    private static final Set<String> VALUES = Set.of("--port");
    private static final Set<String> FLAGS = Set.of("--batch");

    /** One step of the tour: a command line and what it shows. */
    record Step(String command, String what) {}

    @Override
    public String name() {
        return "demo";
    }

    @Override
    public String summary() {
        return "Try proxmox-mpc on a simulated 3-node cluster: project, /sync and a short tour";
    }

    @Override
    public String usage() {
        return "demo [DIR] [--batch] [--port N]";
    }

    @Override
    public List<String> examples() {
        return List.of("demo", "demo /tmp/try-mpc --batch");
    }

    @Override
    public List<String> complete(KernelContext ctx, List<String> words) {
        return List.of("--batch", "--port");
    }

    @Override
    public boolean opensConsole(List<String> args) {
        return !args.contains("--batch");
    }

    @Override
    public CommandResult execute(KernelContext ctx, List<String> words) throws Exception {
        Args args = Args.parse(words, VALUES, FLAGS);
        if (args.positionals().size() > 1) {
            throw new UsageException("demo takes one directory, got " + args.positionals().size() + "; usage: " + usage());
        }
        boolean batch = args.flag("--batch");
        int port = args.intValue("--port").orElse(0);
        if (port < 0 || port > 65535) {
            throw new UsageException("--port must be between 0 (any free port) and 65535, got " + port);
        }
        Console console = ctx.console();
        Path dir = ctx.workspace().root().resolve(args.positionals().isEmpty() ? DEFAULT_DIR : args.positionals().get(0))
                .toAbsolutePath().normalize();
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
