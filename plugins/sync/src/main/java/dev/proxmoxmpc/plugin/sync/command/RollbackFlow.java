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
import java.util.List;
import java.util.Optional;

/** Makes a state snapshot the desired state, shows the plan back to it, and applies it after confirmation. */
final class RollbackFlow {
    private RollbackFlow() {}

    static Optional<Inventory> snapshot(KernelContext ctx, String id) {
        return ctx.state().loadSnapshot(id).map(Desired::fromObserved);
    }

    static UsageException unknown(KernelContext ctx, String id) {
        List<String> ids = GuestNames.snapshotIds(ctx);
        String recent = ids.isEmpty() ? "there are none yet (run /sync or /backup)" : "recent: " + String.join(", ", ids.subList(0, Math.min(3, ids.size())));
        return new UsageException("unknown snapshot '" + id + "'; " + recent);
    }

    static CommandResult run(KernelContext ctx, String id, Inventory target, boolean yes, int parallelism, boolean snapshotGuests,
                             String action) {
        try (ProviderSession session = ctx.connect()) {
            Inventory observed = Discovery.discover(ctx, session);
            ctx.state().save(StateKind.OBSERVED, observed);
            Plan plan = Planner.withSystemEnv().plan(target, observed);
            ctx.console().info("Plan back to snapshot " + id + ":");
            PlanText.render(ctx.console(), plan);
            if (plan.hasErrors()) {
                return CommandResult.failure("the plan back to " + id + " has errors; nothing was changed");
            }
            if (!plan.empty() && !yes && !ctx.console().confirm("Roll the server back to snapshot " + id + "?")) {
                return CommandResult.failure(action + " cancelled; the desired state is unchanged (in batch mode pass --yes)");
            }
            ctx.state().save(StateKind.DESIRED, target);
            ctx.state().appendEvent(new Event(ctx.clock().instant(), "desired-changed", "", action + " to snapshot " + id));
            ctx.regenerate(target);
            if (plan.empty()) {
                ctx.console().success("The server already matches snapshot " + id + "; it is now the desired state.");
                return CommandResult.ok();
            }
            return ApplyRunner.run(ctx, session, plan, target, observed, new ApplyRunner.Options(parallelism, snapshotGuests, action));
        }
    }
}
