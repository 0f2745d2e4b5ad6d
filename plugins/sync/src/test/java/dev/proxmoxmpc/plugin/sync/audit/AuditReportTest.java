package dev.proxmoxmpc.plugin.sync.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proxmoxmpc.spi.state.AuditEntry;
import dev.proxmoxmpc.spi.state.Event;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditReportTest {
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private static final String SHA = "f".repeat(64);

    /** @return the events newest first, as the store lists them */
    private static List<Event> newestFirst(Event... oldestFirst) {
        List<Event> out = new ArrayList<>(List.of(oldestFirst));
        Collections.reverse(out);
        return out;
    }

    @Test
    void changesAreAttributedToTheirRunsEnvironmentAndPlanApprover() {
        List<Event> events = newestFirst(
                new Event(T0, "apply", "vm/100", "old change before markers existed"),
                new Event(T0.plusSeconds(10), "apply-run", "", "sync; environment=staging; by=bob"),
                new Event(T0.plusSeconds(10), "drift", "vm/101", "vm/101 web: memory 1 -> 2"),
                new Event(T0.plusSeconds(20), "plan", "plan/" + SHA, "approved; environment=production; by=alice; file=plan.json"),
                new Event(T0.plusSeconds(30), "plan", "plan/" + SHA, "applying; environment=production; by=carol; approved_by=alice; changes=1"),
                new Event(T0.plusSeconds(30), "apply-run", "", "apply; environment=production; by=carol"),
                new Event(T0.plusSeconds(31), "apply", "vm/102", "update db: cores 2 -> 4"),
                new Event(T0.plusSeconds(32), "plan", "plan/" + SHA, "applied; environment=production; by=carol; approved_by=alice; outcome=ok; changes=1"),
                new Event(T0.plusSeconds(40), "apply-run", "", "apply; environment=production; by=dave"),
                new Event(T0.plusSeconds(41), "apply", "vm/103", "update cache: memory 1 -> 2"));
        List<AuditEntry> audit = List.of(new AuditEntry(T0.plusSeconds(31), "carol", "tok", "apply update", "vm/102", "ok", 5),
                new AuditEntry(T0.plusSeconds(41), "dave", "tok", "apply update", "vm/103", "boom, \"quoted\"", 5));
        AuditReport report = AuditReport.of(events, audit, null);
        assertThat(report.environments()).extracting(AuditReport.Section::environment)
                .containsExactly(AuditReport.UNRECORDED, "production", "staging");
        AuditReport.Section prod = report.environments().get(1);
        assertThat(prod.changes()).extracting(c -> c.resource() + " " + c.outcome() + " " + c.appliedBy() + " " + c.approvedBy() + " " + c.plan())
                .containsExactly("vm/102 ok carol alice " + SHA, "vm/103 boom, \"quoted\" dave - ");
        assertThat(prod.plans()).extracting(AuditReport.PlanStep::step).containsExactly("approved", "applied");
        assertThat(report.environments().get(2).drift()).extracting(AuditReport.Drift::resource).containsExactly("vm/101");

        assertThat(AuditReport.of(events, audit, T0.plusSeconds(35)).environments()).extracting(AuditReport.Section::environment)
                .containsExactly("production");
        String csv = AuditReportText.csv(report);
        assertThat(csv).startsWith("environment,kind,time,resource,what,outcome,by,approved by,plan\n")
                .contains("production,change,2026-12-01T10:00:41Z,vm/103,update cache: memory 1 -> 2,\"boom, \"\"quoted\"\"\",dave,-,\n");
        assertThat(AuditReportText.markdown(report)).contains("## Environment production", "### Drift found (1)",
                "| 2026-12-01T10:00:31Z | vm/102 | update db: cores 2 -> 4 | ok | carol | alice | ffffffffffff |");
    }
}
