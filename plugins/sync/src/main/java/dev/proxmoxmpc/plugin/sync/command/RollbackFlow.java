package dev.proxmoxmpc.plugin.sync.command;

import dev.proxmoxmpc.plugin.sync.compare.Desired;
import dev.proxmoxmpc.plugin.sync.plan.Plan;
import dev.proxmoxmpc.plugin.sync.plan.Planner;
import dev.proxmoxmpc.plugin.sync.render.PlanText;
import dev.proxmoxmpc.spi.command.CommandResult;
import dev.proxmoxmpc.spi.command.UsageException;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.provider.ProviderSession;
import dev.proxmoxmpc.spi.state.Event;
import dev.proxmoxmpc.spi.state.StateKind;
import dev.proxmoxmpc.spi.console.Progress;
import dev.proxmoxmpc.spi.provider.Change;
import dev.proxmoxmpc.spi.provider.ChangeResult;
import java.util.List;
import java.util.Optional;

/** Makes a state snapshot the desired state, shows the plan back to it, and applies it after confirmation. */
final class RollbackFlow {
    private RollbackFlow() {}

    static Optional<Inventory> snapshot(KernelContext ctx, String id) {
        return ctx.state().loadSnapshot(id).map(Desired::fromObserved);
    }

    /** @return {@code unknown snapshot 'x'; did you mean ...?}, or the three newest ids when none is close. */
    static UsageException unknown(KernelContext ctx, String id) {
        List<String> ids = GuestNames.snapshotIds(ctx);
        Optional<String> meant = GuestNames.closeSnapshot(id, ids);
        if (meant.isPresent()) {
            return new UsageException("unknown snapshot '" + id + "'; did you mean " + meant.get() + "?");
        }
        String recent = ids.isEmpty() ? "there are none yet (run /sync or /backup)" : "recent: " + String.join(", ", ids.subList(0, Math.min(3, ids.size())));
        return new UsageException("unknown snapshot '" + id + "'; " + recent);
    }

    /** How to roll back; {@code json}: one {@link ApplyResult} at the end instead of the plan and result lines. */
    record Options(boolean yes, int parallelism, boolean snapshotGuests, boolean guestDisks, String action, boolean json) {}

    static CommandResult run(KernelContext ctx, String id, Inventory target, Options o) {
        ApprovalGate.check(ctx, o.action());
        // the lock before planning: a second /rollback or /restore names the holder, not a plan error
        try (ApplyLock lock = ApplyLock.takeBeforePlanning(ctx, o.action(), o.json()); ProviderSession session = ctx.connect()) {
            Inventory observed = Discovery.discover(ctx, session);
            ctx.state().save(StateKind.OBSERVED, observed);
            List<Change> disks = o.guestDisks() ? GuestRollbacks.find(ctx, id, observed) : List.of();
            if (o.guestDisks() && disks.isEmpty()) {
                ctx.console().warn("no guest snapshots were taken when the server left " + id
                        + " (use /apply --snapshot-guests); rolling back the configuration only");
            }
            Plan plan = Planner.withSystemEnv().plan(target, observed);
            if (!o.json()) {
                disks.forEach(c -> ctx.console().println("  <- " + c.summary()));
                ctx.console().info("Plan back to snapshot " + id + ":");
                PlanText.render(ctx.console(), plan);
            }
            if (plan.hasErrors()) {
                return ApplyRunner.outcome(ctx, o.json(), o.action(), plan, "refused",
                        CommandResult.failure("the plan back to " + id + " has errors; nothing was changed"));
            }
            boolean work = !plan.empty() || !disks.isEmpty();
            if (work && !o.yes() && !ctx.console().confirm("Roll the server back to snapshot " + id + "?")) {
                return ApplyRunner.outcome(ctx, o.json(), o.action(), plan, "cancelled",
                        CommandResult.failure(o.action() + " cancelled; the desired state is unchanged (in batch mode pass --yes)"));
            }
            List<ChangeResult> rolled = List.of();
            if (!disks.isEmpty()) {
                try (Progress p = ctx.console().progress("Rolling back guests", disks.size())) {
                    rolled = session.applyAll(disks, o.parallelism(), p);
                }
                for (ChangeResult r : rolled) {
                    if (!r.succeeded()) {
                        return ApplyRunner.outcome(ctx, o.json(), o.action(), plan, "stopped", rolled, CommandResult.failure(
                                r.change().summary() + " failed: " + r.message() + "; the desired state is unchanged"));
                    }
                    if (!o.json()) {
                        ctx.console().success(r.change().summary());
                    }
                }
                observed = Discovery.discover(ctx, session);
                plan = Planner.withSystemEnv().plan(target, observed);
            }
            String action = o.action();
            int parallelism = o.parallelism();
            boolean snapshotGuests = o.snapshotGuests();
            ctx.state().save(StateKind.DESIRED, target);
            ctx.state().appendEvent(new Event(ctx.clock().instant(), "desired-changed", "", action + " to snapshot " + id));
            ctx.regenerate(target);
            if (plan.empty()) {
                if (!o.json()) {
                    ctx.console().success("The server already matches snapshot " + id + "; it is now the desired state.");
                }
                return ApplyRunner.outcome(ctx, o.json(), action, plan, rolled.isEmpty() ? "nothing to do" : "done", rolled,
                        CommandResult.ok());
            }
            return ApplyRunner.run(ctx, session, plan, target, observed, new ApplyRunner.Options(parallelism, snapshotGuests, action,
                    o.json()), rolled);
        }
    }
}
