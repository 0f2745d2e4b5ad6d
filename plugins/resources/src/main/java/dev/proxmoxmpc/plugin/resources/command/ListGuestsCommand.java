package dev.proxmoxmpc.plugin.resources.command;

import dev.proxmoxmpc.plugin.resources.complete.Completion;

import dev.proxmoxmpc.plugin.resources.check.Values;
import dev.proxmoxmpc.plugin.resources.state.Freshness;
import dev.proxmoxmpc.plugin.resources.state.GuestPairs;
import dev.proxmoxmpc.plugin.resources.state.Known;
import dev.proxmoxmpc.plugin.resources.state.Pending;
import dev.proxmoxmpc.plugin.resources.view.GuestList;
import dev.proxmoxmpc.plugin.resources.view.GuestRow;
import dev.proxmoxmpc.spi.command.AssistantTool;
import dev.proxmoxmpc.spi.command.AssistantTool.Safety;
import dev.proxmoxmpc.spi.command.CommandResult;
import dev.proxmoxmpc.spi.command.UsageException;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.GuestKind;
import dev.proxmoxmpc.spi.state.StateKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * {@code list vms|containers [--node N] [--status S] [--tag T] [--json] [--refresh]}: the desired guests with the
 * server's power state and what /apply would do, from local state (fast, offline) unless {@code --refresh}.
 */
@AssistantTool(Safety.READ)
abstract class ListGuestsCommand extends ResourceCommand {
    @Option(names = "--node", paramLabel = "N", completionCandidates = Completion.Values.class, description = "only on this node")
    String node;
    @Option(names = "--status", paramLabel = "running|stopped|template|new", completionCandidates = Completion.Values.class,
            description = "only in this state")
    String status;
    @Option(names = "--tag", paramLabel = "T", completionCandidates = Completion.Values.class, description = "only with this tag")
    String tag;
    @Option(names = "--refresh", description = "read the server first")
    boolean refresh;
    private static final Set<String> STATUSES = Set.of("running", "stopped", "template", "new");
    private final GuestKind kind;
    private final String word;

    ListGuestsCommand(GuestKind kind) {
        this.kind = kind;
        this.word = kind == GuestKind.VM ? "vm" : "container";
    }

    @Override
    public Optional<CommandSpec> declaration() {
        String name = "list " + word + "s";
        return Optional.of(twin(this, name, List.of(), "List " + word + "s from the local state (--refresh reads the server first)",
                name, name + " --node pve1 --status running", name + " --tag prod --json"));
    }

    @Override
    public CommandResult execute(KernelContext ctx) {
        Optional<String> status = Optional.ofNullable(this.status);
        if (status.isPresent() && !STATUSES.contains(status.get())) {
            throw new UsageException("--status must be one of running, stopped, template, new; got '" + status.get() + "'");
        }
        Optional<String> tag = Optional.ofNullable(this.tag).map(t -> Values.tags("--tag", t));
        boolean refreshed = refresh;
        if (refreshed) {
            Refresh.observed(ctx);
        }
        List<GuestRow> rows = new ArrayList<>();
        List<String> tags = tag.map(t -> List.of(t.split(";"))).orElse(List.of());
        for (Map.Entry<Integer, Guest[]> e : GuestPairs.read(ctx.state(), kind, Optional.ofNullable(node), tags).entrySet()) {
            Guest d = e.getValue()[0];
            Guest o = e.getValue()[1];
            GuestRow row = GuestRow.of(d != null ? d : o, o, Pending.of(d, o));
            if (matches(row, Optional.ofNullable(node), status, tag)) {
                rows.add(row);
            }
        }
        Optional<Instant> last = Freshness.lastSync(ctx.state());
        new GuestList(word, Freshness.line(last, ctx.clock().instant(), refreshed), last.map(Instant::toString).orElse(""), rows,
                rows.isEmpty() ? unknownNode(nodesOnly(ctx), Optional.ofNullable(node)) : "").render(ctx.console(), json(ctx));
        return CommandResult.ok();
    }

    /** @return both inventories without their guests: enough to name the known nodes. */
    private static Known nodesOnly(KernelContext ctx) {
        return new Known(ctx.state().infrastructure(StateKind.DESIRED), ctx.state().infrastructure(StateKind.OBSERVED));
    }

    /** @return {@code there is no node 'pve9' (nodes: pve1, pve2)} when the filter names no known node, else "" */
    static String unknownNode(Known known, Optional<String> node) {
        TreeSet<String> nodes = new TreeSet<>();
        known.observed().nodes().forEach(n -> nodes.add(n.name()));
        known.desired().nodes().forEach(n -> nodes.add(n.name()));
        if (node.isEmpty() || nodes.isEmpty() || nodes.contains(node.get())) {
            return "";
        }
        return "there is no node '" + node.get() + "' (nodes: " + String.join(", ", nodes) + ")";
    }

    private static boolean matches(GuestRow r, Optional<String> node, Optional<String> status, Optional<String> tag) {
        if (node.isPresent() && !r.node().equals(node.get())) {
            return false;
        }
        if (status.isPresent() && !(status.get().equals("new") ? r.status().equals("-") : r.status().equals(status.get()))) {
            return false;
        }
        return tag.isEmpty() || new TreeSet<>(r.tags()).containsAll(List.of(tag.get().split(";")));
    }
}
