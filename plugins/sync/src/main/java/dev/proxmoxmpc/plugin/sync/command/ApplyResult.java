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
 *                 {@code cancelled} (not confirmed) or {@code refused} (the plan has errors)
 * @param plan     the plan carried out, or refused
 * @param results  each change that ran (guest snapshots first), in order; empty when nothing ran
 * @param snapshot the state snapshot recorded afterwards, or {@code ""}
 */
public record ApplyResult(String action, String outcome, PlanView plan, List<Step> results, String snapshot) {
    public ApplyResult {
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

    static ApplyResult of(String action, String outcome, Plan plan, List<ChangeResult> results, String snapshot) {
        return new ApplyResult(action, outcome, PlanView.of(plan), results.stream().map(Step::of).toList(), snapshot);
    }
}
