package dev.proxmoxmpc.plugin.sync.audit;

import dev.proxmoxmpc.plugin.sync.saved.PlanTrail;
import dev.proxmoxmpc.spi.state.AuditEntry;
import dev.proxmoxmpc.spi.state.Event;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The compliance report of {@code /audit report}: per environment, every change applied (who applied it, who
 * approved it, from which saved plan), the saved plans' steps, and the drift /sync found. Built from the event log
 * (changes, drift, plan steps, and the run markers that name each run's environment) and the audit log (each
 * change's outcome).
 *
 * @param since        the first instant covered, or {@code ""} for everything
 * @param environments one section per environment, by name
 */
public record AuditReport(String since, List<Section> environments) {
    /** Events whose target a change was applied to, by event type. */
    static final Set<String> CHANGE_TYPES = Set.of("apply", "rollback", "restore", "guest-snapshot");
    /** The environment of events recorded before run markers existed. */
    public static final String UNRECORDED = "(not recorded)";

    public AuditReport {
        environments = List.copyOf(environments);
    }

    /**
     * @param environment the environment
     * @param changes     every change applied, oldest first
     * @param plans       saved-plan steps (saved, approved, applied, refused), oldest first
     * @param drift       drift found by /sync, oldest first
     */
    public record Section(String environment, List<Change> changes, List<PlanStep> plans, List<Drift> drift) {}

    /**
     * @param time       when
     * @param resource   {@code vm/101}
     * @param change     the change's one line
     * @param outcome    {@code ok}, or why it failed
     * @param appliedBy  the OS user who ran it
     * @param approvedBy who approved the saved plan, or {@code -}
     * @param plan       the saved plan's sha256, or {@code ""} for an /apply without one
     */
    public record Change(String time, String resource, String change, String outcome, String appliedBy, String approvedBy,
                         String plan) {}

    /** A saved plan's step: {@code saved}, {@code approved}, {@code applied}, {@code refused}. */
    public record PlanStep(String time, String plan, String step, String by, String detail) {}

    /** Drift found: what changed on the server outside proxmox-mpc. */
    public record Drift(String time, String resource, String detail) {}

    /**
     * @param events newest first, as the state store lists them
     * @param audit  newest first
     * @param since  the first instant to report, or null for all
     */
    public static AuditReport of(List<Event> events, List<AuditEntry> audit, Instant since) {
        Map<String, AuditEntry> outcomes = new HashMap<>();
        for (AuditEntry a : audit) {
            outcomes.putIfAbsent(a.time() + "|" + a.target() + "|" + a.action().split(" ")[0], a);
        }
        Map<String, Builder> sections = new TreeMap<>();
        String env = UNRECORDED;
        String by = "";
        String approver = "-";
        String plan = "";
        Map<String, String> pending = null;
        for (int i = events.size() - 1; i >= 0; i--) {
            Event e = events.get(i);
            Map<String, String> f = PlanTrail.fields(e.detail());
            boolean reported = since == null || !e.time().isBefore(since);
            if (e.type().equals(PlanTrail.RUN)) {
                env = f.getOrDefault("environment", UNRECORDED);
                by = f.getOrDefault("by", "");
                boolean fromPlan = pending != null && PlanTrail.step(e.detail()).equals("apply");
                approver = fromPlan ? pending.getOrDefault("approved_by", "-") : "-";
                plan = fromPlan ? pending.get("plan") : "";
                pending = null;
            } else if (e.type().equals(PlanTrail.TYPE)) {
                String step = PlanTrail.step(e.detail());
                if (step.equals("applying")) {
                    pending = new HashMap<>(f);
                    pending.put("plan", e.target().substring(e.target().indexOf('/') + 1));
                } else if (reported) {
                    section(sections, f.getOrDefault("environment", UNRECORDED)).plans.add(new PlanStep(e.time().toString(),
                            e.target().substring(e.target().indexOf('/') + 1), step, f.getOrDefault("by", ""), rest(f)));
                }
            } else if (CHANGE_TYPES.contains(e.type()) && reported) {
                AuditEntry a = outcomes.get(e.time() + "|" + e.target() + "|" + e.type());
                String outcome = a == null ? "" : a.result();
                String who = a == null ? by : a.user();
                section(sections, env).changes.add(new Change(e.time().toString(), e.target(), e.detail(), outcome, who, approver, plan));
            } else if (e.type().equals("drift") && reported) {
                section(sections, env).drift.add(new Drift(e.time().toString(), e.target(), e.detail()));
            }
        }
        List<Section> out = new ArrayList<>();
        sections.forEach((name, b) -> out.add(new Section(name, List.copyOf(b.changes), List.copyOf(b.plans), List.copyOf(b.drift))));
        return new AuditReport(since == null ? "" : since.toString(), out);
    }

    private static String rest(Map<String, String> f) {
        StringBuilder sb = new StringBuilder();
        f.forEach((k, v) -> {
            if (!k.equals("environment") && !k.equals("by")) {
                sb.append(sb.length() == 0 ? "" : ", ").append(k).append(' ').append(v);
            }
        });
        return sb.toString();
    }

    private static Builder section(Map<String, Builder> sections, String env) {
        return sections.computeIfAbsent(env, k -> new Builder());
    }

    private static final class Builder {
        final List<Change> changes = new ArrayList<>();
        final List<PlanStep> plans = new ArrayList<>();
        final List<Drift> drift = new ArrayList<>();
    }
}
