package dev.proxmoxmpc.plugin.sync.command;

import dev.proxmoxmpc.plugin.sync.saved.PlanFiles;
import dev.proxmoxmpc.plugin.sync.saved.PlanTrail;
import dev.proxmoxmpc.plugin.sync.saved.SavedPlan;
import dev.proxmoxmpc.plugin.sync.saved.SavedPlans;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import dev.proxmoxmpc.spi.state.Event;
import java.util.Optional;

/**
 * The checks of a saved plan that need no server: the file's integrity, the project and environment it is for, the
 * approval the environment requires, and whether it was applied before.
 */
final class SavedPlanChecks {
    private SavedPlanChecks() {}

    /** @return why the plan must not be applied, or empty */
    static Optional<String> offline(KernelContext ctx, SavedPlan saved, String shown) {
        String remake = "; make a new plan: /plan --out " + shown;
        if (!PlanFiles.hash(saved.plan()).equals(saved.sha256())) {
            return Optional.of(shown + " was edited after /plan wrote it (its content no longer matches its sha256); nothing was changed" + remake);
        }
        String env = ctx.config().currentEnvironment();
        if (!saved.plan().environment().name().equals(env)) {
            return Optional.of(shown + " is for environment '" + saved.plan().environment().name() + "', not '" + env
                    + "'; switch with /environment switch " + saved.plan().environment().name() + ", or make a plan for " + env);
        }
        if (!saved.plan().environment().endpoint().equals(ctx.config().environment().endpoint())) {
            return Optional.of(shown + " is for " + saved.plan().environment().endpoint() + ", but environment '" + env + "' is now "
                    + ctx.config().environment().endpoint() + remake);
        }
        SavedPlan.Project here = SavedPlans.project(ctx);
        if (!saved.plan().project().id().equals(here.id())) {
            return Optional.of(shown + " is for another project ('" + saved.plan().project().name() + "', id "
                    + saved.plan().project().id() + "; this is '" + here.name() + "', id " + here.id() + ")" + remake);
        }
        Optional<String> approval = approval(ctx, saved, shown);
        if (approval.isPresent()) {
            return approval;
        }
        Optional<Event> applied = PlanTrail.applied(ctx, saved.sha256());
        if (applied.isPresent()) {
            String by = PlanTrail.fields(applied.get().detail()).getOrDefault("by", "someone");
            return Optional.of(shown + " was already applied (by " + by + " at " + applied.get().time()
                    + "); a saved plan is applied once" + remake);
        }
        return Optional.empty();
    }

    /** @return why the approval is missing or does not fit, or empty (also when none is required but one fits) */
    static Optional<String> approval(KernelContext ctx, SavedPlan saved, String shown) {
        String env = ctx.config().currentEnvironment();
        SavedPlan.Approval a = saved.approval();
        if (a != null && !a.sha256().equals(saved.sha256())) {
            return Optional.of("the approval in " + shown + " is for another plan content (sha256 " + abbrev(a.sha256())
                    + ", the plan is " + abbrev(saved.sha256()) + "); make a new plan and approve it: /approve " + shown);
        }
        if (a == null && ctx.approvalRequired(env)) {
            return Optional.of("environment '" + env + "' requires approval and " + shown + " carries none; have it approved: /approve "
                    + shown + " --by NAME, then /apply " + shown);
        }
        return Optional.empty();
    }

    private static String abbrev(String sha) {
        return sha.substring(0, Math.min(12, sha.length()));
    }
}
