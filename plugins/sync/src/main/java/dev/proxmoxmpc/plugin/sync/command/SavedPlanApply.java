package dev.proxmoxmpc.plugin.sync.command;

import dev.proxmoxmpc.plugin.sync.plan.Plan;
import dev.proxmoxmpc.plugin.sync.plan.PlanItem;
import dev.proxmoxmpc.plugin.sync.render.PlanText;
import dev.proxmoxmpc.plugin.sync.saved.DesiredRevision;
import dev.proxmoxmpc.plugin.sync.saved.Observations;
import dev.proxmoxmpc.plugin.sync.saved.PlanCodec;
import dev.proxmoxmpc.plugin.sync.saved.PlanFiles;
import dev.proxmoxmpc.plugin.sync.saved.PlanTrail;
import dev.proxmoxmpc.plugin.sync.saved.SavedPlan;
import dev.proxmoxmpc.spi.command.CommandException;
import dev.proxmoxmpc.spi.command.CommandResult;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.provider.ProviderSession;
import dev.proxmoxmpc.spi.state.StateKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /apply FILE}: applies exactly the saved plan, or refuses, naming why, when the file was edited, is for
 * another project or environment, lacks a required approval, was applied before, or is stale (the desired state
 * changed, or a resource it touches changed on the server since it was made). The changes carry the config digests
 * the plan saw, so an edit made between this check and the write is refused by the server itself.
 */
final class SavedPlanApply {
    private SavedPlanApply() {}

    static CommandResult run(KernelContext ctx, Path file, String shown, ApplyRunner.Options options, boolean skipTests) {
        SavedPlan saved = PlanFiles.read(file, shown);
        String sha = saved.sha256();
        String approver = saved.approval() == null ? "" : saved.approval().by();
        ApplyLock lock;
        try {
            lock = ApplyLock.take(ctx, "apply");
        } catch (CommandException e) {
            if (options.json()) {
                ctx.console().json(ApplyResult.locked("apply", e.getMessage()));
            }
            throw e;
        }
        try (lock) { // checked under the lock: a plan applied by another run meanwhile is refused here
            Optional<String> refused = SavedPlanChecks.offline(ctx, saved, shown);
            if (refused.isPresent()) {
                return refuse(ctx, sha, refused.get(), List.of());
            }
            return apply(ctx, saved, shown, approver, options, skipTests);
        }
    }

    private static CommandResult apply(KernelContext ctx, SavedPlan saved, String shown, String approver, ApplyRunner.Options options,
                                       boolean skipTests) {
        String sha = saved.sha256();
        Inventory stored = ctx.state().load(StateKind.DESIRED);
        try (ProviderSession session = ctx.connect()) {
            Discovery.Seen seen = Discovery.discoverReconciled(ctx, session);
            if (!seen.reconciled().running().isEmpty()) {
                return refuse(ctx, sha, seen.reconciled().runningLine() + "; wait for them, then make a new plan", List.of());
            }
            Inventory observed = seen.observed();
            ctx.state().save(StateKind.OBSERVED, observed);
            Map<String, String> labels = new LinkedHashMap<>();
            saved.plan().items().forEach(i -> labels.putIfAbsent(PlanCodec.ref(i.resource()).toString(), i.label()));
            List<String> stale = Observations.changedSince(saved.plan().observed(), observed, labels);
            if (!stale.isEmpty()) {
                return refuse(ctx, sha, "the plan is stale: " + stale.size() + (stale.size() == 1 ? " resource" : " resources")
                        + " changed on the server since it was made; nothing was changed: make a new plan with /plan --out " + shown,
                        stale.stream().map(l -> l + " (changed since the plan)").toList());
            }
            if (!DesiredRevision.of(stored).equals(saved.plan().desiredRevision())) {
                return refuse(ctx, sha, "the desired state changed since " + shown + " was made; make a new plan: /plan --out "
                        + shown, List.of());
            }
            EnvironmentPlan target = EnvironmentPlan.make(ctx, session, stored, observed);
            Selection chosen = select(target.plan(), saved);
            if (!chosen.differ().isEmpty()) {
                return refuse(ctx, sha, "the plan computed now differs from " + shown + "; nothing was changed: make a new plan with /plan --out "
                        + shown, chosen.differ());
            }
            Plan plan = chosen.plan();
            if (!options.json()) {
                ctx.console().info("Applying the saved plan " + shown + " (sha256 " + sha.substring(0, 12) + ", made by "
                        + saved.plan().createdBy() + " at " + saved.plan().createdAt()
                        + (approver.isEmpty() ? "" : ", approved by " + approver) + ")");
                PlanText.render(ctx.console(), plan);
                chosen.leftAlone().forEach(l -> ctx.console().warn(l + ": not in the saved plan, left alone"));
            }
            if (plan.hasErrors()) {
                return outcome(ctx, sha, options, plan, "refused", CommandResult.failure("the plan has errors; nothing was changed"));
            }
            if (plan.empty()) {
                PlanTrail.record(ctx, sha, "applied", fields(ctx, approver, "ok", 0), "ok");
                return ApplyRunner.outcome(ctx, options.json(), "apply", plan, "nothing to do", CommandResult.ok());
            }
            // checks that may not be skipped (the privilege pre-check) run with --skip-tests too
            Optional<CommandResult> failed = PreApplyChecks.refusal(ctx, options.json(), skipTests, target.desired(),
                    observed, plan, session);
            if (failed.isPresent()) {
                return outcome(ctx, sha, options, plan, "refused", failed.get());
            }
            if (!ctx.console().confirm("Apply this saved plan to " + ctx.config().currentEnvironment() + "?")) {
                return ApplyRunner.outcome(ctx, options.json(), "apply", plan, "cancelled",
                        CommandResult.failure("apply cancelled; nothing was changed (in batch mode pass --yes)"));
            }
            PlanTrail.record(ctx, sha, "applying", fields(ctx, approver, "", plan.changes().size()), "");
            CommandResult result = ApplyRunner.run(ctx, session, plan, target.desired(), observed, options);
            boolean ok = result.succeeded();
            PlanTrail.record(ctx, sha, "applied", fields(ctx, approver, ok ? "ok" : "stopped", plan.changes().size()),
                    ok ? "ok" : result.message());
            return result;
        }
    }

    /** The part of a fresh plan that the saved plan names, and how the two differ. */
    record Selection(Plan plan, List<String> differ, List<String> leftAlone) {}

    static Selection select(Plan fresh, SavedPlan saved) {
        Map<String, SavedPlan.Item> want = new LinkedHashMap<>();
        saved.plan().items().forEach(i -> want.put(PlanCodec.ref(i.resource()).toString(), i));
        List<PlanItem> kept = new ArrayList<>();
        List<String> differ = new ArrayList<>();
        List<String> leftAlone = new ArrayList<>();
        for (PlanItem item : fresh.items()) {
            SavedPlan.Item s = want.remove(item.ref().toString());
            if (s == null) {
                leftAlone.add(item.label());
            } else if (!PlanCodec.item(item).equals(s)) {
                differ.add(item.label() + ": planned differently now than in the saved plan");
            } else {
                kept.add(item);
            }
        }
        want.values().forEach(s -> differ.add(s.label() + ": no longer planned (the server already matches, or it cannot be planned now)"));
        return new Selection(new Plan(kept, fresh.diagnostics()), differ, leftAlone);
    }

    private static Map<String, String> fields(KernelContext ctx, String approver, String outcome, int changes) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("environment", ctx.config().currentEnvironment());
        f.put("by", ctx.user());
        f.put("approved_by", approver.isEmpty() ? "-" : approver);
        if (!outcome.isEmpty()) {
            f.put("outcome", outcome);
        }
        f.put("changes", Integer.toString(changes));
        return f;
    }

    private static CommandResult outcome(KernelContext ctx, String sha, ApplyRunner.Options options, Plan plan, String outcome,
                                         CommandResult result) {
        trailRefusal(ctx, sha, result.message());
        return ApplyRunner.outcome(ctx, options.json(), "apply", plan, outcome, result);
    }

    /** Prints one error line per resource, records the refusal, and fails with {@code why}. */
    private static CommandResult refuse(KernelContext ctx, String sha, String why, List<String> lines) {
        lines.forEach(ctx.console()::error);
        trailRefusal(ctx, sha, why);
        if (ctx.console().jsonRequested()) {
            ctx.console().json(new Refusal("apply", "refused", why, lines));
        }
        return CommandResult.failure(why);
    }

    /** The {@code --json} answer of a refused saved plan. */
    record Refusal(String action, String outcome, String message, List<String> resources) {}

    private static void trailRefusal(KernelContext ctx, String sha, String why) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("environment", ctx.config().currentEnvironment());
        f.put("by", ctx.user());
        f.put("reason", why);
        PlanTrail.record(ctx, sha, "refused", f, "refused: " + why);
    }
}
