package dev.proxmoxmpc.plugin.monitoring.top;

import dev.proxmoxmpc.spi.command.AssistantTool;
import dev.proxmoxmpc.spi.command.AssistantTool.Safety;
import dev.proxmoxmpc.spi.command.Candidates;
import dev.proxmoxmpc.spi.command.CommandResult;
import dev.proxmoxmpc.spi.command.CompletionRequest;
import dev.proxmoxmpc.spi.command.ConsoleCommand;
import dev.proxmoxmpc.spi.command.FixedCandidates;
import dev.proxmoxmpc.spi.command.Ranges;
import dev.proxmoxmpc.spi.console.Console;
import dev.proxmoxmpc.spi.console.Screen;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import dev.proxmoxmpc.spi.model.Node;
import dev.proxmoxmpc.spi.provider.ProviderSession;
import dev.proxmoxmpc.spi.state.StateKind;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pf4j.Extension;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code top [--node N] [--sort cpu|mem|io|net] [--interval S] [--once] [--json]}: nodes and guests live, from one
 * {@code GET /cluster/resources} per refresh. Full screen on a capable terminal until q or Ctrl-C; otherwise, and
 * with {@code --once} or {@code --json}, one snapshot of two samples a refresh apart (disk and network figures are
 * counters, their rates need two).
 */
@Extension
@Command(name = "top", description = "Watch nodes and guests live: CPU, memory, disk and network rates",
        footer = {"/top", "/top --node pve1 --sort mem", "proxmox-mpc top --once --json"})
@AssistantTool(Safety.READ)
public class TopCommand implements ConsoleCommand {
    private static final int CTRL_C = 3;
    @Option(names = "--node", paramLabel = "NODE", completionCandidates = Nodes.class,
            description = "only this node and its guests")
    private String node = "";
    @Option(names = "--sort", paramLabel = "cpu|mem|io|net", completionCandidates = Sorts.class, converter = Sorts.class,
            description = "the order of the guests (default: cpu)")
    private String sort = "cpu";
    @Option(names = "--interval", paramLabel = "SECONDS", converter = Interval.class,
            description = "seconds between refreshes, 1 to 3600 (default: 2)")
    private int interval = 2;
    @Option(names = "--once", description = "one snapshot (two samples an interval apart) instead of the live view")
    private boolean once;

    /** Tab and check: the sort orders. */
    static final class Sorts extends FixedCandidates implements ITypeConverter<String> {
        Sorts() {
            super(TopOptions.SORTS.toArray(String[]::new));
        }

        @Override
        public String convert(String value) {
            if (!TopOptions.SORTS.contains(value)) {
                throw new TypeConversionException("must be one of " + String.join(", ", TopOptions.SORTS) + ", got '" + value + "'");
            }
            return value;
        }
    }

    /** Tab: the node names the last /sync observed (local, no server call). */
    static final class Nodes implements Candidates {
        @Override
        public List<String> candidates(KernelContext ctx, CompletionRequest request) {
            return ctx.state().load(StateKind.OBSERVED).nodes().stream().map(Node::name).sorted().toList();
        }
    }

    /** 1 to 3600 seconds. */
    static final class Interval implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return Ranges.wholeNumber(value, 1, 3600);
        }
    }

    /** @return the options as declared, {@code --json} from the kernel's global flag */
    TopOptions options(boolean jsonRequested) {
        return new TopOptions(node, sort, once, jsonRequested, Duration.ofSeconds(interval));
    }

    @Override
    public boolean requiresProject() {
        return true;
    }

    @Override
    public CommandResult execute(KernelContext ctx) throws InterruptedException {
        TopOptions o = options(ctx.console().jsonRequested());
        Console console = ctx.console();
        try (ProviderSession session = ctx.connect()) {
            Optional<Screen> screen = o.once() || o.json() ? Optional.empty() : console.screen();
            if (screen.isPresent()) {
                try (Screen s = screen.get()) {
                    live(session, s, o);
                }
                return CommandResult.ok();
            }
            Sample first = sample(session);
            Thread.sleep(o.interval().toMillis());
            TopSnapshot snap = TopSnapshot.of(first, sample(session), o.node(), o.sort());
            if (!o.node().isEmpty() && snap.nodes().isEmpty()) {
                return CommandResult.failure("no node '" + o.node() + "' in this cluster");
            }
            if (o.json()) {
                console.json(snap);
            } else {
                console.table(TopView.nodes(snap));
                console.println("");
                console.table(TopView.guests(snap));
            }
            return CommandResult.ok();
        }
    }

    private static void live(ProviderSession session, Screen screen, TopOptions options) {
        TopOptions o = options;
        Sample before = sample(session);
        screen.draw(List.of("proxmox-mpc top: reading the cluster...", "", "q quit"));
        while (true) {
            int key = screen.readKey(o.interval());
            if (key == 'q' || key == 'Q' || key == CTRL_C || Thread.currentThread().isInterrupted()) {
                return;
            }
            o = resort(o, key);
            Sample now = sample(session);
            TopSnapshot snap = TopSnapshot.of(before, now, o.node(), o.sort());
            screen.draw(TopView.screen(snap, "proxmox-mpc top", screen.height()));
            before = now;
        }
    }

    private static TopOptions resort(TopOptions o, int key) {
        String sort = switch (key) {
            case 'c' -> "cpu";
            case 'm' -> "mem";
            case 'i' -> "io";
            case 'n' -> "net";
            case 's' -> o.nextSort();
            default -> o.sort();
        };
        return new TopOptions(o.node(), sort, o.once(), o.json(), o.interval());
    }

    private static Sample sample(ProviderSession session) {
        return Sample.of(session.read("/cluster/resources", Map.of()), System.nanoTime());
    }
}
