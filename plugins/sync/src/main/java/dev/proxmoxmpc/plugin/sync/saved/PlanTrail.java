package dev.proxmoxmpc.plugin.sync.saved;

import dev.proxmoxmpc.spi.kernel.KernelContext;
import dev.proxmoxmpc.spi.state.AuditEntry;
import dev.proxmoxmpc.spi.state.Event;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the event log and the audit log keep of saved plans: each step (saved, approved, applying, applied,
 * refused) is an event of type {@value #TYPE} on target {@code plan/<sha256>} whose detail is the step and
 * {@code key=value} fields separated by {@code "; "}, and an audit entry {@code plan save|approve|apply} on the same
 * target. /apply FILE reads them to refuse a plan applied before; /audit report reads them to name approvers.
 */
public final class PlanTrail {
    /** The event type of saved-plan steps. */
    public static final String TYPE = "plan";
    /** The event type that marks the start of every apply run (written by the apply runner). */
    public static final String RUN = "apply-run";
    private static final int SCAN = 1_000_000;

    private PlanTrail() {}

    /** @return {@code plan/<sha256>} */
    public static String target(String sha256) {
        return "plan/" + sha256;
    }

    /** Records a step: one event and one audit entry. */
    public static void record(KernelContext ctx, String sha256, String step, Map<String, String> fields, String auditResult) {
        ctx.state().appendEvent(new Event(ctx.clock().instant(), TYPE, target(sha256), detail(step, fields)));
        String verb = switch (step) {
            case "saved" -> "plan save";
            case "approved" -> "plan approve";
            default -> "plan apply";
        };
        if (!step.equals("applying")) {
            ctx.audit(new AuditEntry(ctx.clock().instant(), ctx.user(), ctx.config().environment().tokenId(), verb,
                    target(sha256), auditResult, 0));
        }
    }

    /** Marks the start of an apply run (of any kind: /apply, /apply FILE, /rollback, /restore) with its environment. */
    public static void runStarted(KernelContext ctx, String action) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("environment", ctx.config().currentEnvironment());
        f.put("by", ctx.user());
        ctx.state().appendEvent(new Event(ctx.clock().instant(), RUN, "", detail(action, f)));
    }

    /** @return the event that says this plan was applied in full, if one does */
    public static Optional<Event> applied(KernelContext ctx, String sha256) {
        String target = target(sha256);
        return ctx.state().events(SCAN).stream()
                .filter(e -> e.type().equals(TYPE) && e.target().equals(target) && step(e.detail()).equals("applied")
                        && fields(e.detail()).getOrDefault("outcome", "").equals("ok"))
                .findFirst();
    }

    /** @return {@code applied; environment=production; outcome=ok} */
    public static String detail(String step, Map<String, String> fields) {
        StringBuilder sb = new StringBuilder(step);
        fields.forEach((k, v) -> sb.append("; ").append(k).append('=').append(v.replace(";", ",").replaceAll("[\\r\\n]+", " ")));
        return sb.toString();
    }

    /** @return the step of a detail ({@code applied}) */
    public static String step(String detail) {
        int i = detail.indexOf(';');
        return (i < 0 ? detail : detail.substring(0, i)).trim();
    }

    /** @return the {@code key=value} fields of a detail, in order */
    public static Map<String, String> fields(String detail) {
        Map<String, String> out = new LinkedHashMap<>();
        String[] parts = detail.split("; ");
        for (int i = 1; i < parts.length; i++) {
            int eq = parts[i].indexOf('=');
            if (eq > 0) {
                out.put(parts[i].substring(0, eq), parts[i].substring(eq + 1));
            }
        }
        return out;
    }
}
