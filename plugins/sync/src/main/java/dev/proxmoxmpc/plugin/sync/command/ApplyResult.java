package dev.proxmoxmpc.plugin.sync.command;

import dev.proxmoxmpc.plugin.sync.plan.Plan;
import dev.proxmoxmpc.plugin.sync.render.PlanView;
import dev.proxmoxmpc.spi.provider.ChangeResult;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What /apply, /rollback and /restore did: the {@code --json} shape of their output, printed once at the end instead
 * of the plan and the result lines.
 *
 * @param action   {@code apply}, {@code rollback} or {@code restore}
 * @param outcome  {@code done}, {@code nothing to do}, {@code stopped} (a change failed; the rest was not attempted),
 *                 {@code cancelled} (not confirmed), {@code refused} (the plan has errors) or {@code locked} (another
 *                 process holds the apply lock; nothing was read or planned)
 * @param plan     the plan carried out, or refused
 * @param results  each change that ran (guest snapshots first), in order; empty when nothing ran
 * @param snapshot the state snapshot recorded afterwards, or {@code ""}
 * @param message  why nothing was done when the outcome is {@code locked} (who holds the lock, since when, from
 *                 which host), {@code refused} or {@code cancelled} (e.g. every missing privilege and the pveum
 *                 commands that grant them), else {@code ""}
 */
public record ApplyResult(String action, String outcome, PlanView plan, List<Step> results, String snapshot, String message) {
    public ApplyResult(String action, String outcome, PlanView plan, List<Step> results, String snapshot) {
        this(action, outcome, plan, results, snapshot, "");
    }

    public ApplyResult {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(plan, "plan");
        results = List.copyOf(results);
        Objects.requireNonNull(snapshot, "snapshot");
    }

    /**
     * One change's outcome.
     *
     * @param target   {@code vm/101}
     * @param change   its one-line summary
     * @param status   {@code succeeded}, {@code failed} or {@code skipped}
     * @param message  the server's message (why it failed)
     * @param task     the Proxmox task id (UPID), or {@code ""}
     * @param millis   how long it took
     */
    public record Step(String target, String change, String status, String message, String task, long millis) {
        static Step of(ChangeResult r) {
            return new Step(r.change().target().toString(), r.change().summary(), r.status().name().toLowerCase(Locale.ROOT),
                    r.message(), r.taskId(), r.durationMillis());
        }
    }

    /** @return the result of a run refused because another holds the apply lock. */
    static ApplyResult locked(String action, String message) {
        return new ApplyResult(action, "locked", PlanView.of(new Plan(List.of(), List.of())), List.of(), "", message);
    }

    static ApplyResult of(String action, String outcome, Plan plan, List<ChangeResult> results, String snapshot) {
        return new ApplyResult(action, outcome, PlanView.of(plan), results.stream().map(Step::of).toList(), snapshot);
    }
}
