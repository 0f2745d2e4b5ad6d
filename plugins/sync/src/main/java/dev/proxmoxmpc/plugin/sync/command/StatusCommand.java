package dev.proxmoxmpc.plugin.sync.command;

import dev.proxmoxmpc.plugin.sync.local.LocalCounts;
import dev.proxmoxmpc.plugin.sync.local.LocalPending;
import dev.proxmoxmpc.plugin.sync.partial.PartialCluster;
import dev.proxmoxmpc.plugin.sync.render.Ago;
import dev.proxmoxmpc.spi.command.AssistantTool;
import dev.proxmoxmpc.spi.command.AssistantTool.Safety;
import dev.proxmoxmpc.spi.command.CommandResult;
import dev.proxmoxmpc.spi.command.ConsoleCommand;
import dev.proxmoxmpc.spi.console.Console;
import dev.proxmoxmpc.spi.console.Table;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.GuestKind;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.model.Node;
import dev.proxmoxmpc.spi.state.GuestQuery;
import dev.proxmoxmpc.spi.state.StateKind;
import dev.proxmoxmpc.spi.state.StateStore;
import dev.proxmoxmpc.spi.state.SyncRun;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pf4j.Extension;
import picocli.CommandLine.Command;

/** {@code /status}: what the server had at the last sync, per kind and node, drift and pending changes. Offline. */
@Extension
@Command(name = "status",
        description = "Guests by state and node, last sync, drift and pending changes (local state, offline)",
        footer = {"status", "status --json", "proxmox-mpc status --json"})
@AssistantTool(Safety.READ)
public class StatusCommand implements ConsoleCommand {
    @Override
    public boolean requiresProject() {
        return true;
    }

    @Override
    public CommandResult execute(KernelContext ctx) {
        StatusResult r = compute(ctx);
        if (ctx.console().jsonRequested()) {
            ctx.console().json(r);
        } else {
            render(ctx.console(), r);
        }
        return CommandResult.ok();
    }

    static StatusResult compute(KernelContext ctx) {
        // Counts from SQL and the pending count from the guests that differ: nothing here loads every guest.
        StateStore state = ctx.state();
        Inventory observed = state.infrastructure(StateKind.OBSERVED);
        LocalCounts counts = new LocalCounts(state.guestCounts(StateKind.OBSERVED));
        Optional<SyncRun> last = state.lastSyncRun();
        List<StatusResult.NodeRow> nodes = new ArrayList<>();
        for (Node n : observed.nodes()) {
            nodes.add(new StatusResult.NodeRow(n.name(), n.status(), counts.on(n.name(), GuestKind.VM),
                    counts.on(n.name(), GuestKind.CONTAINER), counts.runningOn(n.name())));
        }
        int pending = LocalPending.count(state);
        String ago = last.map(s -> Ago.since(s.time(), ctx.clock().instant())).orElse("never");
        PartialCluster partial = PartialCluster.of(observed);
        List<Guest> unseen = new ArrayList<>();
        partial.unreachable().keySet().forEach(node -> unseen.addAll(state.guests(StateKind.OBSERVED, GuestQuery.all().node(node))));
        return new StatusResult(ctx.config().currentEnvironment(), kind(counts, GuestKind.VM), kind(counts, GuestKind.CONTAINER),
                counts.templates(), nodes, last.map(SyncRun::time), ago, last.map(SyncRun::drifted).orElse(0), last.map(SyncRun::conflicts).orElse(0), pending,
                partial.warning(observed.withGuests(unseen)), ApplyLock.report(ctx));
    }

    private static StatusResult.Kind kind(LocalCounts counts, GuestKind kind) {
        int total = counts.guests(kind);
        int running = counts.running(kind);
        return new StatusResult.Kind(total, running, total - running);
    }

    static void render(Console out, StatusResult r) {
        out.info("Environment: " + r.environment() + "; last sync: " + r.lastSyncAgo());
        out.println(line("VMs", r.vms()));
        out.println(line("Containers", r.containers()));
        out.println("Templates: " + r.templates());
        List<List<String>> rows = r.nodes().stream().map(n -> List.of(n.node(), n.status(), Integer.toString(n.vms()),
                Integer.toString(n.containers()), Integer.toString(n.running()))).toList();
        out.table(new Table(List.of("NODE", "STATUS", "VMS", "CONTAINERS", "RUNNING"), rows));
        out.println("Drift: " + (r.drifted() == 0 ? "None" : r.drifted() + " at the last sync (run /sync for details)")
                + (r.conflicts() > 0 ? "; " + r.conflicts() + " conflicts" : ""));
        out.println("Pending changes: " + (r.pendingChanges() == 0 ? "none" : r.pendingChanges() + " (see /plan)"));
        if (!r.unseen().isEmpty()) {
            out.warn(r.unseen());
        }
        r.locks().forEach(l -> out.println("Lock: " + l));
    }

    private static String line(String label, StatusResult.Kind k) {
        return label + ": " + k.total() + " (" + k.running() + " running, " + k.stopped() + " stopped)";
    }
}
