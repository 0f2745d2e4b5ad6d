package dev.proxmoxmpc.plugin.sync.command;

import dev.proxmoxmpc.plugin.sync.apply.ApplyEngine;
import dev.proxmoxmpc.plugin.sync.apply.ApplyReport;
import dev.proxmoxmpc.plugin.sync.plan.Plan;
import dev.proxmoxmpc.plugin.sync.plan.PlanItem;
import dev.proxmoxmpc.spi.command.Ranges;
import dev.proxmoxmpc.spi.command.CommandResult;
import dev.proxmoxmpc.spi.command.ConsoleCommand;
import dev.proxmoxmpc.spi.command.UsageException;
import dev.proxmoxmpc.spi.console.Progress;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.provider.Change;
import dev.proxmoxmpc.spi.provider.ChangeAction;
import dev.proxmoxmpc.spi.provider.ChangeResult;
import dev.proxmoxmpc.spi.provider.ProviderSession;
import dev.proxmoxmpc.spi.provider.ResourceRef;
import dev.proxmoxmpc.spi.state.AuditEntry;
import dev.proxmoxmpc.spi.state.StateKind;
import dev.proxmoxmpc.spi.model.PowerState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pf4j.Extension;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code /restore <backup>}: a state snapshot id becomes the desired state (like /rollback); a vzdump volume
 * ({@code local:backup/vzdump-qemu-101-....vma.zst}) is restored to its VMID (or {@code --vmid}) on the server; a running
 * guest it overwrites is stopped first and started again after.
 */
@Extension
@Command(name = "restore", description = "Restore a state snapshot (as /rollback) or a guest from a vzdump backup",
        footer = {"restore 20261125-210000-sync", "restore local:backup/vzdump-qemu-101-2026_11_25-21_00_00.vma.zst --yes",
            "restore local:backup/vzdump-lxc-200-2026_11_25-21_00_00.tar.zst --vmid 250 --node pve2 --storage local-lvm"})
public class RestoreCommand implements ConsoleCommand {
    @Parameters(paramLabel = "<snapshot-id|storage:backup/vzdump-...>", completionCandidates = Completions.SnapshotsAndArchives.class,
            description = "a state snapshot, or a vzdump volume")
    private String what;
    @Option(names = "--vmid", paramLabel = "N", converter = Ranges.Positive.class, completionCandidates = Completions.Vmids.class,
            description = "vzdump: restore as this VMID (default: the backup's)")
    private Integer vmid;
    @Option(names = "--node", paramLabel = "N", completionCandidates = Completions.Nodes.class,
            description = "vzdump: the node to restore on")
    private String node;
    @Option(names = "--storage", paramLabel = "S", completionCandidates = Completions.Storages.class,
            description = "vzdump: the storage for the disks")
    private String storage;
    @Option(names = "--parallelism", paramLabel = "N", converter = Ranges.Positive.class,
            description = "snapshot: changes at a time (default: the project's)")
    private Integer parallelism;
    static final Pattern VZDUMP = Pattern.compile("[^:]+:(?:backup/)?vzdump-(qemu|lxc)-(\\d+)-.*");

    @Override
    public boolean requiresProject() {
        return true;
    }

    /** Starts a guest the restore stopped, as it was before: @return what to add to the failure line. */
    private static String putBack(ProviderSession session, ResourceRef ref) {
        ChangeResult started = session.apply(Change.of(ChangeAction.START, ref, "start " + ref + " again"), Progress.NONE);
        return started.succeeded() ? "; " + ref + " was started again as it was"
                : "; starting " + ref + " again failed too (" + started.message() + "): start it by hand";
    }

    @Override
    public CommandResult execute(KernelContext ctx) {
        ApprovalGate.check(ctx, "restore");
        boolean json = ctx.console().jsonRequested();
        var snapshot = RollbackFlow.snapshot(ctx, what);
        if (snapshot.isPresent()) {
            return RollbackFlow.run(ctx, what, snapshot.get(), new RollbackFlow.Options(false,
                    Math.max(1, parallelism != null ? parallelism : ctx.config().parallelism()), false, false, "restore", json));
        }
        Matcher m = VZDUMP.matcher(what);
        if (!m.matches()) {
            throw RollbackFlow.unknown(ctx, what);
        }
        int vmid = this.vmid != null ? this.vmid : Integer.parseInt(m.group(2));
        ResourceRef.Type type = m.group(1).equals("qemu") ? ResourceRef.Type.VM : ResourceRef.Type.CONTAINER;
        // the lock before reading: a second /restore names the holder
        try (ApplyLock lock = ApplyLock.takeBeforePlanning(ctx, "restore", json); ProviderSession session = ctx.connect()) {
            Inventory observed = Discovery.discover(ctx, session);
            boolean exists = observed.guest(vmid).isPresent();
            String node = Optional.ofNullable(this.node).orElseGet(() -> observed.guest(vmid).map(g -> g.node())
                    .orElse(ctx.config().environment().node().isEmpty() && !observed.nodes().isEmpty()
                            ? observed.nodes().get(0).name() : ctx.config().environment().node()));
            if (node.isEmpty()) {
                throw new UsageException("no node to restore to; pass --node");
            }
            RestoreChecks.check(session, observed, node, what, Optional.ofNullable(storage)); // before anything is stopped
            Map<String, String> options = new TreeMap<>(Map.of(Change.OPT_ARCHIVE, what));
            Optional.ofNullable(storage).ifPresent(s -> options.put(Change.OPT_STORAGE, s));
            if (exists) {
                options.put(Change.OPT_FORCE, "1");
            }
            ResourceRef ref = new ResourceRef(type, node, Integer.toString(vmid));
            Change change = new Change(ChangeAction.RESTORE, ref, Map.of(), List.of(), options, "restore " + ref + " from " + what);
            boolean running = observed.guest(vmid).map(g -> g.status() == PowerState.RUNNING).orElse(false);
            List<Change> changes = new ArrayList<>();
            if (running) {
                changes.add(Change.of(ChangeAction.STOP, ref, "stop " + ref + " before restoring it"));
            }
            changes.add(change);
            if (running) {
                changes.add(Change.of(ChangeAction.START, ref, "start " + ref + " again"));
            }
            Plan plan = new Plan(List.of(new PlanItem(exists ? PlanItem.Kind.REPLACE : PlanItem.Kind.CREATE, ref, ref.toString(),
                    List.of(), changes)), List.of());
            if (!json) {
                ctx.console().println(" +  " + change.summary() + (exists ? " (overwrites the existing guest)" : ""));
            }
            if (!ctx.console().confirm("Restore " + ref + (exists ? ", overwriting it" : "") + "?")) {
                return ApplyRunner.outcome(ctx, json, "restore", plan, "cancelled",
                        CommandResult.failure("restore cancelled; nothing was changed (in batch mode pass --yes)"));
            }
            ApplyReport report;
            try (Progress p = ctx.console().progress("Restoring", changes.size())) {
                report = new ApplyEngine(session, ctx.state(), ctx.clock()).apply(changes, ctx.state().load(StateKind.DESIRED), observed, 1, p);
            }
            ChangeResult r = report.firstFailure().orElse(report.results().get(report.results().size() - 1));
            ctx.audit(new AuditEntry(ctx.clock().instant(), ctx.user(), ctx.config().environment().tokenId(), "restore",
                    ref.toString(), r.succeeded() ? "ok" : r.message(), r.durationMillis()));
            if (!r.succeeded()) {
                String back = running && report.results().get(0).succeeded() ? putBack(session, ref) : "";
                return ApplyRunner.outcome(ctx, json, "restore", plan, "stopped", report.results(),
                        CommandResult.failure("restore of " + ref + " failed: " + r.message() + back));
            }
            ctx.regenerate(ctx.state().load(StateKind.DESIRED));
            if (!json) {
                ctx.console().success("Restored " + ref + " from " + what);
            }
            return ApplyRunner.outcome(ctx, json, "restore", plan, "done", report.results(), CommandResult.ok());
        }
    }
}
