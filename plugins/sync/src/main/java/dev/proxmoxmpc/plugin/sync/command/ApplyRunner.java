package dev.proxmoxmpc.plugin.sync.command;

import dev.proxmoxmpc.plugin.sync.apply.ApplyEngine;
import dev.proxmoxmpc.plugin.sync.apply.ApplyReport;
import dev.proxmoxmpc.plugin.sync.plan.Plan;
import dev.proxmoxmpc.plugin.sync.plan.PlanItem;
import dev.proxmoxmpc.plugin.sync.plan.Planner;
import dev.proxmoxmpc.plugin.sync.saved.PlanTrail;
import dev.proxmoxmpc.spi.command.CommandException;
import dev.proxmoxmpc.spi.command.CommandResult;
import dev.proxmoxmpc.spi.console.Console;
import dev.proxmoxmpc.spi.console.Progress;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.provider.Change;
import dev.proxmoxmpc.spi.provider.ChangeAction;
import dev.proxmoxmpc.spi.provider.ChangeResult;
import dev.proxmoxmpc.spi.provider.ProviderSession;
import dev.proxmoxmpc.spi.state.AuditEntry;
import dev.proxmoxmpc.spi.state.Event;
import dev.proxmoxmpc.spi.state.SnapshotInfo;
import dev.proxmoxmpc.spi.state.StateKind;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The execution half of /apply, /rollback and /restore: under the {@code apply} state lock (taken here unless the
 * command already took it before planning), optionally snapshot
 * the guests first (then read the server again and plan anew: a snapshot changes each config digest), run the changes with a progress bar, audit each, record the state, snapshot it.
 */
final class ApplyRunner {
    private static final DateTimeFormatter SNAP = DateTimeFormatter.ofPattern("'mpc'yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC);

    private ApplyRunner() {}

    /**
     * Options of one run.
     *
     * @param json print one {@link ApplyResult} at the end instead of the result lines
     */
    record Options(int parallelism, boolean snapshotGuests, String action, boolean json) {}

    static CommandResult run(KernelContext ctx, ProviderSession session, Plan plan, Inventory desired, Inventory observed,
                             Options options) {
        return run(ctx, session, plan, desired, observed, options, List.of());
    }

    /** @param earlier changes already carried out for this run (guest rollbacks), reported first under {@code --json} */
    static CommandResult run(KernelContext ctx, ProviderSession session, Plan plan, Inventory desired, Inventory observed,
                             Options options, List<ChangeResult> earlier) {
        Console out = ctx.console();
        try (ApplyLock lock = ApplyLock.take(ctx, options.action())) {
            PlanTrail.runStarted(ctx, options.action()); // the audit report attributes the changes below to the environment
            String before = ctx.state().snapshots().stream().findFirst().map(SnapshotInfo::id).orElse("");
            List<ChangeResult> ran = new ArrayList<>(earlier);
            if (options.snapshotGuests()) {
                List<Change> snapshots = guestSnapshots(plan, ctx.clock().instant());
                List<ChangeResult> taken;
                try (Progress progress = out.progress("Snapshotting guests", snapshots.size())) {
                    taken = session.applyAll(snapshots, options.parallelism(), progress);
                }
                record(ctx, new ApplyReport(taken, false), options.action());
                ran.addAll(taken);
                if (!taken.stream().allMatch(ChangeResult::succeeded)) {
                    if (options.json()) {
                        out.json(ApplyResult.of(options.action(), "stopped", plan, ran, ""));
                    } else {
                        summarizeResults(out, taken);
                    }
                    return CommandResult.failure("a guest snapshot failed; nothing else was changed");
                }
                if (!options.json()) {
                    taken.forEach(r -> out.success(r.change().summary()));
                }
                GuestRollbacks.record(ctx, taken, before, ctx.clock().instant());
                observed = Discovery.discover(ctx, session);
                plan = Planner.withSystemEnv().plan(desired, observed);
            }
            List<Change> changes = plan.changes();
            ApplyReport report;
            try (Progress progress = out.progress("Applying", changes.size())) {
                report = new ApplyEngine(session, ctx.state(), ctx.clock(), ctx.config().environment().mapping().isEmpty())
                        .apply(changes, desired, observed, options.parallelism(), progress);
            }
            record(ctx, report, options.action());
            SnapshotInfo snap = ctx.state().snapshot(options.action(), ctx.state().load(StateKind.DESIRED));
            ran.addAll(report.results());
            if (options.json()) {
                out.json(ApplyResult.of(options.action(), report.allSucceeded() ? "done" : "stopped", plan, ran, snap.id()));
            }
            return summarize(out, report, snap, options.json());
        }
    }

    /**
     * @return {@code result}, after printing what happened as one {@link ApplyResult} when JSON was asked (the human
     *     lines were printed on the way)
     */
    static CommandResult outcome(KernelContext ctx, boolean json, String action, Plan plan, String outcome,
                                   CommandResult result) {
        return outcome(ctx, json, action, plan, outcome, List.of(), result);
    }

    static CommandResult outcome(KernelContext ctx, boolean json, String action, Plan plan, String outcome,
                                   List<ChangeResult> ran, CommandResult result) {
        if (json) {
            ApplyResult r = ApplyResult.of(action, outcome, plan, ran, "");
            ctx.console().json(result.succeeded() ? r : new ApplyResult(action, outcome, r.plan(), r.results(), "", result.message()));
        }
        return result;
    }

    /** @return a Proxmox snapshot of every existing guest the plan changes, named {@code mpcYYYYMMDDTHHMMSS}. */
    static List<Change> guestSnapshots(Plan plan, Instant now) {
        String name = SNAP.format(now);
        Set<String> seen = new LinkedHashSet<>();
        List<Change> out = new ArrayList<>();
        for (PlanItem item : plan.items()) {
            if (item.kind() == PlanItem.Kind.CREATE) {
                continue;
            }
            Change first = item.changes().get(0);
            var ref = first.target();
            if ((ref.type() == dev.proxmoxmpc.spi.provider.ResourceRef.Type.VM
                    || ref.type() == dev.proxmoxmpc.spi.provider.ResourceRef.Type.CONTAINER) && seen.add(ref.toString())) {
                out.add(new Change(ChangeAction.SNAPSHOT, ref, Map.of(), List.of(), Map.of(Change.OPT_SNAPSHOT, name),
                        "snapshot " + item.label() + " as " + name));
            }
        }
        return out;
    }

    private static void record(KernelContext ctx, ApplyReport report, String action) {
        String token = ctx.config().environment().tokenId();
        Instant now = ctx.clock().instant();
        for (ChangeResult r : report.results()) {
            if (r.status() == ChangeResult.Status.SKIPPED) {
                continue;
            }
            String outcome = r.succeeded() ? "ok" : r.message();
            ctx.audit(new AuditEntry(now, ctx.user(), token, action + " " + r.change().action().name().toLowerCase(java.util.Locale.ROOT),
                    r.change().target().toString(), outcome, r.durationMillis()));
            ctx.state().appendEvent(new Event(now, action, r.change().target().toString(),
                    r.change().summary() + (r.succeeded() ? "" : ": " + r.message())));
        }
    }

    private static void summarizeResults(Console out, List<ChangeResult> results) {
        for (ChangeResult r : results) {
            switch (r.status()) {
                case SUCCEEDED -> out.success(r.change().summary());
                case FAILED -> {
                    out.error(r.change().summary() + ": " + r.message());
                    r.logTail().forEach(l -> out.println("    " + l));
                }
                case SKIPPED -> out.println("  - " + r.change().summary() + " (not attempted)");
            }
        }
    }

    private static CommandResult summarize(Console out, ApplyReport report, SnapshotInfo snap, boolean json) {
        if (!json) {
            summarizeResults(out, report.results());
        }
        if (!report.rediscovered()) {
            out.warn("could not read the server again; the local state records the changes that succeeded");
        }
        int total = report.results().size();
        if (report.allSucceeded()) {
            if (!json) {
                out.success("Apply complete: " + total + (total == 1 ? " change" : " changes") + " done. Snapshot " + snap.id());
            }
            return CommandResult.ok();
        }
        String why = report.firstFailure().map(ChangeResult::message).orElse("a change failed");
        return CommandResult.failure("apply stopped after " + report.succeeded() + " of " + total + " changes: " + why
                + "; fix the cause and run /apply again to continue");
    }
}
