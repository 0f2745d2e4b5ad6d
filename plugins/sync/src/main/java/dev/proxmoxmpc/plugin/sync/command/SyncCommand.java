package dev.proxmoxmpc.plugin.sync.command;

import dev.proxmoxmpc.plugin.sync.compare.Desired;
import dev.proxmoxmpc.plugin.sync.drift.Drift;
import dev.proxmoxmpc.plugin.sync.drift.DriftDetector;
import dev.proxmoxmpc.plugin.sync.drift.DriftText;
import dev.proxmoxmpc.plugin.sync.drift.TaskAttributor;
import dev.proxmoxmpc.plugin.sync.environment.MappedDesired;
import dev.proxmoxmpc.plugin.sync.environment.SharedDesired;
import dev.proxmoxmpc.plugin.sync.merge.Conflict;
import dev.proxmoxmpc.plugin.sync.merge.ConflictPolicy;
import dev.proxmoxmpc.plugin.sync.merge.ConflictResolver;
import dev.proxmoxmpc.plugin.sync.merge.MergeResult;
import dev.proxmoxmpc.plugin.sync.merge.ThreeWayMerge;
import dev.proxmoxmpc.plugin.sync.partial.PartialCluster;
import dev.proxmoxmpc.plugin.sync.plan.Planner;
import dev.proxmoxmpc.plugin.sync.render.Counts;
import dev.proxmoxmpc.plugin.sync.saved.PlanTrail;
import dev.proxmoxmpc.spi.command.FixedCandidates;
import dev.proxmoxmpc.spi.command.CommandResult;
import dev.proxmoxmpc.spi.command.ConsoleCommand;
import dev.proxmoxmpc.spi.diag.Diagnostic;
import dev.proxmoxmpc.spi.kernel.EnvironmentMapping;
import dev.proxmoxmpc.spi.kernel.GenerationReport;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.provider.ProviderSession;
import dev.proxmoxmpc.spi.provider.TaskRecord;
import dev.proxmoxmpc.spi.state.Event;
import dev.proxmoxmpc.spi.state.SnapshotInfo;
import dev.proxmoxmpc.spi.state.StateKind;
import dev.proxmoxmpc.spi.state.StateStore;
import dev.proxmoxmpc.spi.state.SyncRun;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code /sync}: discover the server, read hand edits of generated files back, merge three ways into the desired
 * state, regenerate the files, snapshot, and report what was found, generated, drifted and in conflict. The observed
 * and base state, snapshot and sync run are the current environment's; for an environment with a mapping the merge
 * compares its server with the desired state as mapped, and {@link SharedDesired} takes the result back into the
 * project's names without adopting what only that server has.
 */
@Extension
@Command(name = "sync", description = "Read the server, merge it with local changes, regenerate the files",
        footer = {"sync", "sync --policy prefer-local", "sync --no-generate --json"})
public class SyncCommand implements ConsoleCommand {
    @Option(names = "--policy", paramLabel = "prefer-server|prefer-local|ask", completionCandidates = Policies.class,
            description = "how to settle a field changed both here and on the server (default: the project's)")
    private String policy;
    @Option(names = "--no-generate", description = "update the state only, do not rewrite the files")
    private boolean noGenerate;

    /** Tab: the conflict policies. */
    static final class Policies extends FixedCandidates {
        Policies() {
            super("prefer-server", "prefer-local", "ask");
        }
    }

    @Override
    public boolean requiresProject() {
        return true;
    }

    @Override
    public CommandResult execute(KernelContext ctx) {
        ConflictPolicy policy = ConflictPolicy.parse(this.policy != null ? this.policy : ctx.config().conflictPolicy());
        if (policy == ConflictPolicy.ASK && !ctx.console().interactive()) {
            ctx.console().warn("conflict policy 'ask' needs a person at the console; using prefer-server");
        }
        SyncResult result;
        try (ApplyLock lock = ApplyLock.take(ctx, "sync")) { // never import an /apply's in-flight work as drift
            result = run(ctx, policy, !noGenerate);
        }
        if (ctx.console().jsonRequested()) {
            ctx.console().json(result);
        } else {
            SyncView.render(ctx.console(), result);
        }
        return CommandResult.ok();
    }

    /** Does the work; public for other commands and tests. */
    public static SyncResult run(KernelContext ctx, ConflictPolicy policy, boolean generate) {
        StateStore state = ctx.state();
        Inventory observed;
        List<TaskRecord> tasks;
        try (ProviderSession session = ctx.connect()) {
            session.forgetCache(); // a sync is a request to look again: cached storage content lists go too
            observed = Discovery.discover(ctx, session);
            tasks = Discovery.tasks(session);
            Discovery.listContainerTemplates(session, observed);
        }
        Inventory base = state.load(StateKind.BASE);
        Inventory local = state.load(StateKind.DESIRED);
        List<Diagnostic> diagnostics = new ArrayList<>();
        List<String> edited = ctx.editedGeneratedFiles();
        Imports.Outcome imports = Imports.run(ctx, ctx.workspace().root(), edited, local);
        diagnostics.addAll(imports.diagnostics());
        local = imports.desired();

        PartialCluster partial = PartialCluster.of(observed);
        if (!partial.complete()) {
            diagnostics.add(Diagnostic.warning(partial.warning(observed), ""));
        }
        Inventory seen = partial.asAgreed(observed, base); // what could not be read stays as agreed: no drift, no merge
        Instant since = state.lastSyncRun().map(SyncRun::time).orElse(Instant.MIN);
        List<Drift> drift = new TaskAttributor(tasks, since).attribute(DriftDetector.detect(base, seen));
        EnvironmentMapping mapping = ctx.config().environment().mapping();
        Inventory stored = local;
        if (!mapping.isEmpty()) { // compare the server with the desired state as this environment reads it
            local = MappedDesired.apply(local, mapping);
        }
        MergeResult merged = new ThreeWayMerge(ConflictResolver.forPolicy(policy, ctx.console())).merge(base, local, seen);
        Inventory desired = merged.desired();
        Inventory agreed = Desired.fromObserved(seen);
        if (!mapping.isEmpty()) {
            SharedDesired.Result back = SharedDesired.back(stored, desired, mapping);
            desired = back.desired();
            agreed = agreed.withGuests(agreed.guests().stream().filter(g -> !back.onlyOnServer().contains(g.vmid())).toList());
            if (!back.onlyOnServer().isEmpty()) {
                diagnostics.add(Diagnostic.info("environment " + ctx.config().currentEnvironment() + " is mapped: "
                        + back.onlyOnServer().size() + " guests only on its server stay out of the shared desired state"
                        + " (unmanaged there; /plan leaves them alone)", back.onlyOnServer().toString()));
            }
        }
        state.saveAll(Map.of(StateKind.OBSERVED, observed, StateKind.DESIRED, desired, StateKind.BASE, agreed));

        GenerationReport gen = generate ? ctx.regenerate(desired, observed) : new GenerationReport(List.of(), List.of(), List.of(), List.of());
        diagnostics.addAll(gen.diagnostics());
        SnapshotInfo snap = state.snapshot("sync", desired);
        Instant now = ctx.clock().instant();
        Counts counts = Counts.of(observed);
        List<String> driftLines = drift.stream().map(d -> DriftText.line(d, now)).toList();
        record(ctx, drift, merged.conflicts(), driftLines, counts, now);
        int pending = new Planner(n -> java.util.Optional.empty()).plan(MappedDesired.apply(desired, mapping), observed).items().size();
        return new SyncResult(counts, imports.imported(), generate ? imports.unhandled() : List.of(), gen.written().size(),
                gen.unchanged().size(), gen.removed().size(), driftLines, merged.conflicts(), diagnostics, pending, snap.id());
    }

    private static void record(KernelContext ctx, List<Drift> drift, List<Conflict> conflicts, List<String> driftLines,
                               Counts counts, Instant now) {
        StateStore state = ctx.state();
        PlanTrail.runStarted(ctx, "sync"); // the audit report attributes the drift below to the environment
        for (int i = 0; i < drift.size(); i++) {
            state.appendEvent(new Event(now, "drift", drift.get(i).resource(), driftLines.get(i)));
        }
        for (Conflict c : conflicts) {
            state.appendEvent(new Event(now, "conflict", c.resource(), c.describe()));
        }
        state.appendEvent(new Event(now, "sync", "", "Found " + counts.sentence() + "; " + drift.size() + " drifted, "
                + conflicts.size() + " conflicts"));
        state.recordSyncRun(new SyncRun(now, ctx.config().currentEnvironment(), counts.nodes(), counts.vms(),
                counts.containers(), drift.size(), conflicts.size()));
    }
}
