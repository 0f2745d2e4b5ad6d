package dev.proxmoxmpc.plugin.sync.command;

import dev.proxmoxmpc.plugin.sync.journal.BusyGuests;
import dev.proxmoxmpc.plugin.sync.journal.Reconciler;
import dev.proxmoxmpc.plugin.sync.local.LocalPending;
import dev.proxmoxmpc.plugin.sync.plan.Plan;
import dev.proxmoxmpc.plugin.sync.render.PlanText;
import dev.proxmoxmpc.plugin.sync.render.PlanView;
import dev.proxmoxmpc.spi.command.AssistantTool;
import dev.proxmoxmpc.spi.command.AssistantTool.Safety;
import dev.proxmoxmpc.spi.command.CommandResult;
import dev.proxmoxmpc.spi.command.ConsoleCommand;
import dev.proxmoxmpc.spi.command.FixedCandidates;
import dev.proxmoxmpc.spi.command.UsageException;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.provider.ProviderSession;
import dev.proxmoxmpc.spi.state.StateKind;
import java.util.List;
import org.pf4j.Extension;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.Option;

/**
 * {@code /plan}: the change set from the server (read fresh, or the stored copy with {@code --offline}) to the
 * desired state. Changes pending end with exit code 3 under {@code --detailed-exitcode}.
 */
@Extension
@Command(name = "plan", description = "Show what /apply would change on the server",
        footer = {"plan", "plan --offline --json", "plan --refresh=all", "plan --detailed-exitcode", "plan --out plan.json --detailed-exitcode"})
@AssistantTool(Safety.READ)
public class PlanCommand implements ConsoleCommand {
    @Option(names = "--offline", description = "compare with the server state stored by the last /sync")
    private boolean offline;
    @Option(names = "--refresh", paramLabel = "changed|all", completionCandidates = Refresh.class, converter = Refresh.class,
            description = "which guest configs to read: changed (default: those the plan touches and those the server lists"
                    + " differently since they were read) or all")
    private String refresh;
    @Option(names = "--detailed-exitcode", description = "exit 3 when changes are pending (as the process flag)")
    private boolean detailedExitcode;
    @Option(names = "--out", paramLabel = "FILE", description = "also save the plan to FILE (JSON) for /show, /approve and /apply FILE")
    private String out;

    /** Tab and check: the refresh modes. */
    static final class Refresh extends FixedCandidates implements ITypeConverter<String> {
        static final String CHANGED = "changed";
        static final String ALL = "all";

        Refresh() {
            super(CHANGED, ALL);
        }

        @Override
        public String convert(String value) {
            if (!value.equals(CHANGED) && !value.equals(ALL)) {
                throw new TypeConversionException("must be changed or all, got '" + value + "'");
            }
            return value;
        }
    }

    @Override
    public boolean requiresProject() {
        return true;
    }

    /**
     * The plan from the stored server state (stored by the last /sync, or just refreshed by a live /plan). With
     * {@code cut}, and where {@link LocalPending#planable} says it plans the same, only the guests whose stored rows
     * differ between the desired and the observed state are read and planned (as /status counts them); otherwise the
     * whole inventories.
     *
     * @param session the live session (container templates for guests to create), or null offline
     */
    static Plan storedPlan(KernelContext ctx, ProviderSession session, boolean cut) {
        if (cut && LocalPending.planable(ctx.state().infrastructure(StateKind.OBSERVED), mapped(ctx))) {
            LocalPending.PlanInputs in = LocalPending.planInputs(ctx.state());
            return EnvironmentPlan.make(ctx, session, in.desired(), in.observed(), in.base()).plan();
        }
        return EnvironmentPlan.make(ctx, session, ctx.state().load(StateKind.DESIRED), ctx.state().load(StateKind.OBSERVED)).plan();
    }

    private static boolean mapped(KernelContext ctx) {
        return !ctx.config().environment().mapping().isEmpty();
    }

    @Override
    public CommandResult execute(KernelContext ctx) {
        if (offline && refresh != null) {
            throw new UsageException("--offline and --refresh exclude each other");
        }
        Plan plan;
        Inventory desired = null;
        Inventory observed = null;
        Reconciler.Outcome reconciled = new Reconciler.Outcome(List.of(), List.of());
        if (offline && out == null) {
            // a saved plan records the revision of the whole desired state: only --out reads it all
            plan = storedPlan(ctx, null, true);
        } else if (offline) {
            desired = ctx.state().load(StateKind.DESIRED);
            observed = ctx.state().load(StateKind.OBSERVED);
            plan = EnvironmentPlan.make(ctx, null, desired, observed).plan();
        } else {
            // --out records the whole desired state, and --refresh=all is the plan as it always was: from the whole
            // inventories; otherwise the plan reads back, after the refreshed server state is stored, only the guests
            // that can give a plan item (as /plan --offline does)
            boolean whole = out != null || Refresh.ALL.equals(refresh);
            desired = whole ? ctx.state().load(StateKind.DESIRED) : null;
            try (ProviderSession session = ctx.connect()) {
                Discovery.Seen seen = Refresh.ALL.equals(refresh) ? Discovery.discoverReconciled(ctx, session)
                        : Discovery.discoverTargetedReconciled(ctx, session);
                observed = seen.observed();
                reconciled = seen.reconciled();
                ctx.state().save(StateKind.OBSERVED, observed);
                if (!whole && LocalPending.planable(observed, mapped(ctx))) {
                    plan = storedPlan(ctx, session, true);
                } else {
                    desired = desired != null ? desired : ctx.state().load(StateKind.DESIRED);
                    plan = EnvironmentPlan.make(ctx, session, desired, observed).plan();
                }
            }
        }
        ApplyLock.report(ctx).forEach(ctx.console()::warn); // reported, never cleared: /plan only reads
        plan = BusyGuests.around(plan, reconciled);
        if (ctx.console().jsonRequested()) {
            ctx.console().json(PlanView.of(plan));
        } else {
            PlanText.render(ctx.console(), plan);
        }
        if (plan.hasErrors()) {
            return CommandResult.failure("the plan has errors; fix the desired state first"
                    + (out == null ? "" : "; " + out + " was not written"));
        }
        if (out != null) {
            SavedPlanOut.write(ctx, out, plan, desired, observed);
        }
        return plan.empty() ? CommandResult.ok() : CommandResult.changesPending();
    }
}
