package dev.proxmoxmpc.plugin.sync.command;

import dev.proxmoxmpc.plugin.sync.audit.AuditReport;
import dev.proxmoxmpc.plugin.sync.audit.AuditReportText;
import dev.proxmoxmpc.spi.command.CommandResult;
import dev.proxmoxmpc.spi.command.ConsoleCommand;
import dev.proxmoxmpc.spi.command.FixedCandidates;
import dev.proxmoxmpc.spi.command.UsageException;
import dev.proxmoxmpc.spi.console.Console;
import dev.proxmoxmpc.spi.console.Table;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.pf4j.Extension;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code /audit report}: the compliance report, per environment: every change applied with who applied and who
 * approved it, the saved plans' steps, and the drift /sync found; as tables, Markdown, CSV or JSON.
 */
@Extension
@Command(name = "audit report", description = "Report every change applied, who approved it, and drift found, per environment",
        footer = {"audit report", "audit report --since 2026-12-01 --format md", "audit report --format csv", "audit report --json"})
public class AuditReportCommand implements ConsoleCommand {
    private static final int SCAN = 1_000_000;
    @Option(names = "--since", paramLabel = "DATE", description = "only from this day (2026-12-01, UTC) or instant (2026-12-01T09:00:00Z)")
    private String since;
    @Option(names = "--format", paramLabel = "md|csv", completionCandidates = Formats.class,
            description = "print Markdown or CSV instead of tables")
    private String format;

    /** The report formats. */
    static final class Formats extends FixedCandidates {
        Formats() {
            super("md", "csv");
        }
    }

    @Override
    public boolean requiresProject() {
        return true;
    }

    @Override
    public CommandResult execute(KernelContext ctx) {
        Instant from = since == null ? null : parseSince(since);
        String fmt = format == null ? "" : format.toLowerCase(Locale.ROOT);
        if (!fmt.isEmpty() && !fmt.equals("md") && !fmt.equals("csv")) {
            throw new UsageException("--format must be md or csv, got '" + format + "'");
        }
        AuditReport report = AuditReport.of(ctx.state().events(SCAN), ctx.state().auditEntries(SCAN), from);
        Console out = ctx.console();
        if (out.jsonRequested()) {
            out.json(report);
        } else if (fmt.equals("md")) {
            out.println(AuditReportText.markdown(report).stripTrailing());
        } else if (fmt.equals("csv")) {
            out.println(AuditReportText.csv(report).stripTrailing());
        } else {
            tables(out, report);
        }
        return CommandResult.ok();
    }

    static Instant parseSince(String text) {
        try {
            return text.contains("T") ? Instant.parse(text) : LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw new UsageException("--since must be a date (2026-12-01) or an instant (2026-12-01T09:00:00Z), got '" + text + "'");
        }
    }

    private static void tables(Console out, AuditReport report) {
        if (report.environments().isEmpty()) {
            out.info("Nothing was applied, planned or found drifted" + (report.since().isEmpty() ? "" : " since " + report.since()) + ".");
            return;
        }
        for (AuditReport.Section s : report.environments()) {
            out.println("Environment " + s.environment() + ": " + s.changes().size() + " changes applied, " + s.plans().size()
                    + " saved-plan steps, " + s.drift().size() + " drift found");
            table(out, "Changes applied", List.of("TIME", "RESOURCE", "CHANGE", "OUTCOME", "BY", "APPROVED BY", "PLAN"),
                    s.changes().stream().map(c -> List.of(c.time(), c.resource(), c.change(), c.outcome(), c.appliedBy(), c.approvedBy(),
                            c.plan().isEmpty() ? "-" : c.plan().substring(0, 12))).toList());
            table(out, "Saved plans", List.of("TIME", "PLAN", "STEP", "BY", "DETAIL"),
                    s.plans().stream().map(p -> List.of(p.time(), p.plan().substring(0, Math.min(12, p.plan().length())), p.step(), p.by(),
                            p.detail())).toList());
            table(out, "Drift found", List.of("TIME", "RESOURCE", "DRIFT"),
                    s.drift().stream().map(d -> List.of(d.time(), d.resource(), d.detail())).toList());
        }
    }

    private static void table(Console out, String title, List<String> headers, List<List<String>> rows) {
        if (rows.isEmpty()) {
            return;
        }
        out.println("  " + title + ":");
        out.table(new Table(headers, rows));
    }
}
