package dev.proxmoxmpc.plugin.sync.command;

import dev.proxmoxmpc.plugin.sync.journal.BusyGuests;
import dev.proxmoxmpc.plugin.sync.plan.Plan;
import dev.proxmoxmpc.plugin.sync.render.PlanText;
import dev.proxmoxmpc.spi.command.AssistantTool;
import dev.proxmoxmpc.spi.command.AssistantTool.Safety;
import dev.proxmoxmpc.spi.command.CommandException;
import dev.proxmoxmpc.spi.command.Ranges;
import dev.proxmoxmpc.spi.command.CommandResult;
import dev.proxmoxmpc.spi.command.ConsoleCommand;
import dev.proxmoxmpc.spi.command.UsageException;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.provider.ProviderSession;
import dev.proxmoxmpc.spi.state.StateKind;
import java.time.Duration;
import java.util.List;
import org.pf4j.Extension;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code /apply}: plan against a fresh read of the server, confirm, execute through the provider, record. A run
 * that stopped at a failure is continued by running /apply again: it plans only what is left.
 */
@Extension
@Command(name = "apply", description = "Carry out the plan on the server",
        footer = {"apply", "apply --yes --parallelism 2", "apply --snapshot-guests", "proxmox-mpc apply --yes --json",
            "apply plan.json --yes"})
@AssistantTool(Safety.SERVER_CHANGING)
public class ApplyCommand implements ConsoleCommand {
    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE",
            description = "apply exactly this saved plan (/plan --out FILE), refused when stale")
    private String planFile;
    @Option(names = "--parallelism", paramLabel = "N", converter = Ranges.Positive.class,
            description = "changes at a time (default: the project's)")
    private Integer parallelism;
    @Option(names = "--snapshot-guests", description = "snapshot every guest it changes first")
    private boolean snapshotGuests;
    @Option(names = "--skip-tests", description = "apply without running the plan-phase tests and policies")
    private boolean skipTests;

    @Override
    public boolean requiresProject() {
        return true;
    }

    @Override
    public CommandResult execute(KernelContext ctx) {
        int parallelism = this.parallelism != null ? this.parallelism : ctx.config().parallelism();
        if (parallelism < 1) {
            throw new UsageException("--parallelism must be at least 1");
        }
        boolean json = ctx.console().jsonRequested();
        if (planFile != null) {
            if (snapshotGuests) {
                throw new UsageException("--snapshot-guests cannot be combined with a saved plan (a snapshot changes the digests it was made against)");
            }
            return SavedPlanApply.run(ctx, SavedPlanOut.resolve(ctx, planFile), planFile,
                    new ApplyRunner.Options(parallelism, false, "apply", json), skipTests);
        }
        ApprovalGate.check(ctx, "apply");
        ApplyLock lock;
        try {
            lock = ApplyLock.take(ctx, "apply"); // before planning: a second /apply names the holder, not a plan error
        } catch (CommandException e) {
            if (json) {
                ctx.console().json(ApplyResult.locked("apply", e.getMessage()));
            }
            throw e;
        }
        Inventory desired = ctx.state().load(StateKind.DESIRED);
        try (lock; ProviderSession session = ctx.connect()) {
            Discovery.Seen seen = Discovery.discoverReconciled(ctx, session);
            if (!seen.reconciled().running().isEmpty()) {
                ctx.console().warn(seen.reconciled().runningLine() + "; waiting for them to finish");
                if (!BusyGuests.await(session, seen.reconciled().running(), Duration.ofSeconds(1), Duration.ofMinutes(30))) {
                    throw new CommandException("tasks of an interrupted /apply are still running on the server after 30 minutes;"
                            + " nothing was changed: check them in the task list and run /apply again");
                }
                seen = Discovery.discoverReconciled(ctx, session);
            }
            Inventory observed = seen.observed();
            ctx.state().save(StateKind.OBSERVED, observed);
            EnvironmentPlan target = EnvironmentPlan.make(ctx, session, desired, observed);
            Plan plan = target.plan();
            if (!json) {
                PlanText.render(ctx.console(), plan);
            }
            if (plan.hasErrors()) {
                return ApplyRunner.outcome(ctx, json, "apply", plan, "refused", CommandResult.failure("the plan has errors; nothing was changed"));
            }
            if (plan.empty()) {
                return ApplyRunner.outcome(ctx, json, "apply", plan, "nothing to do", CommandResult.ok());
            }
            var refused = PreApplyChecks.refusal(ctx, json, skipTests, desired, observed, plan, session);
            if (refused.isPresent()) {
                return ApplyRunner.outcome(ctx, json, "apply", plan, "refused", refused.get());
            }
            if (!ctx.console().confirm("Apply these changes to " + ctx.config().currentEnvironment() + "?")) {
                return ApplyRunner.outcome(ctx, json, "apply", plan, "cancelled",
                        CommandResult.failure("apply cancelled; nothing was changed (in batch mode pass --yes)"));
            }
            return ApplyRunner.run(ctx, session, plan, target.desired(), observed,
                    new ApplyRunner.Options(parallelism, snapshotGuests, "apply", json));
        }
    }
}
