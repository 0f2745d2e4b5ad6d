package dev.proxmoxmpc.plugin.sync.audit;

import java.util.ArrayList;
import java.util.List;

/** Renders an {@link AuditReport} as Markdown or CSV (one row per change, plan step and drift found). */
public final class AuditReportText {
    static final List<String> CHANGE_HEADERS = List.of("time", "resource", "change", "outcome", "applied by", "approved by", "plan");
    static final List<String> PLAN_HEADERS = List.of("time", "plan", "step", "by", "detail");
    static final List<String> DRIFT_HEADERS = List.of("time", "resource", "drift");

    private AuditReportText() {}

    public static String markdown(AuditReport report) {
        StringBuilder sb = new StringBuilder("# Audit report\n\n");
        sb.append(report.since().isEmpty() ? "Everything recorded." : "Since " + report.since() + ".").append('\n');
        if (report.environments().isEmpty()) {
            sb.append("\nNothing was applied, planned or found drifted in this period.\n");
        }
        for (AuditReport.Section s : report.environments()) {
            sb.append("\n## Environment ").append(s.environment()).append("\n\n");
            sb.append("### Changes applied (").append(s.changes().size()).append(")\n\n");
            table(sb, CHANGE_HEADERS, changeRows(s));
            sb.append("\n### Saved plans (").append(s.plans().size()).append(")\n\n");
            table(sb, PLAN_HEADERS, planRows(s));
            sb.append("\n### Drift found (").append(s.drift().size()).append(")\n\n");
            table(sb, DRIFT_HEADERS, driftRows(s));
        }
        return sb.toString();
    }

    public static String csv(AuditReport report) {
        StringBuilder sb = new StringBuilder();
        row(sb, List.of("environment", "kind", "time", "resource", "what", "outcome", "by", "approved by", "plan"));
        for (AuditReport.Section s : report.environments()) {
            for (AuditReport.Change c : s.changes()) {
                row(sb, List.of(s.environment(), "change", c.time(), c.resource(), c.change(), c.outcome(), c.appliedBy(), c.approvedBy(), c.plan()));
            }
            for (AuditReport.PlanStep p : s.plans()) {
                row(sb, List.of(s.environment(), "plan " + p.step(), p.time(), "plan/" + p.plan(), p.detail(), "", p.by(), "", p.plan()));
            }
            for (AuditReport.Drift d : s.drift()) {
                row(sb, List.of(s.environment(), "drift", d.time(), d.resource(), d.detail(), "", "", "", ""));
            }
        }
        return sb.toString();
    }

    static List<List<String>> changeRows(AuditReport.Section s) {
        List<List<String>> rows = new ArrayList<>();
        s.changes().forEach(c -> rows.add(List.of(c.time(), c.resource(), c.change(), c.outcome(), c.appliedBy(), c.approvedBy(),
                abbrev(c.plan()))));
        return rows;
    }

    static List<List<String>> planRows(AuditReport.Section s) {
        List<List<String>> rows = new ArrayList<>();
        s.plans().forEach(p -> rows.add(List.of(p.time(), abbrev(p.plan()), p.step(), p.by(), p.detail())));
        return rows;
    }

    static List<List<String>> driftRows(AuditReport.Section s) {
        List<List<String>> rows = new ArrayList<>();
        s.drift().forEach(d -> rows.add(List.of(d.time(), d.resource(), d.detail())));
        return rows;
    }

    /** @return the first 12 hex digits of a plan hash, {@code -} for none */
    static String abbrev(String sha) {
        return sha.isEmpty() ? "-" : sha.substring(0, Math.min(12, sha.length()));
    }

    private static void table(StringBuilder sb, List<String> headers, List<List<String>> rows) {
        if (rows.isEmpty()) {
            sb.append("None.\n");
            return;
        }
        sb.append("| ").append(String.join(" | ", headers)).append(" |\n");
        sb.append("|").append("---|".repeat(headers.size())).append('\n');
        for (List<String> r : rows) {
            sb.append("| ").append(String.join(" | ", r.stream().map(AuditReportText::cell).toList())).append(" |\n");
        }
    }

    private static String cell(String v) {
        return v.replace("|", "\\|").replaceAll("[\\r\\n]+", " ");
    }

    private static void row(StringBuilder sb, List<String> values) {
        sb.append(String.join(",", values.stream().map(AuditReportText::quote).toList())).append('\n');
    }

    /** RFC 4180: a value with a comma, quote or line break is quoted, quotes doubled. */
    static String quote(String v) {
        return v.matches("(?s).*[\",\\r\\n].*") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }
}
