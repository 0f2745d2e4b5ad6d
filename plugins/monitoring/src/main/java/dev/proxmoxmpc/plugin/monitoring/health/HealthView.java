package dev.proxmoxmpc.plugin.monitoring.health;

import dev.proxmoxmpc.spi.console.Console;
import dev.proxmoxmpc.spi.console.Style;
import dev.proxmoxmpc.spi.console.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Renders a {@link HealthReport}: a table with findings below it, or the Nagios status line and details. */
final class HealthView {
    private HealthView() {
    }

    static void table(Console console, HealthReport report) {
        List<List<String>> rows = new ArrayList<>();
        for (Check c : report.checks()) {
            rows.add(List.of(c.name(), label(console, c.status()), c.summary()));
        }
        console.table(new Table(List.of("CHECK", "STATUS", "SUMMARY"), rows));
        for (Check c : report.checks()) {
            c.details().forEach(d -> console.println("  " + c.name() + ": " + d));
        }
        console.println("Health: " + label(console, report.status()));
    }

    /** @return the lines of the Nagios output: {@code PROXMOX WARNING - backups: ...}, then one line per finding */
    static List<String> nagios(HealthReport report) {
        List<String> problems = new ArrayList<>();
        List<String> details = new ArrayList<>();
        int ok = 0;
        for (Check c : report.checks()) {
            if (c.status() == Status.OK || c.status() == Status.SKIPPED) {
                ok++;
                continue;
            }
            problems.add(c.name() + ": " + c.summary());
            c.details().forEach(d -> details.add(c.name() + ": " + d));
        }
        String text = problems.isEmpty() ? ok + " checks ok" : String.join("; ", problems);
        List<String> out = new ArrayList<>();
        out.add("PROXMOX " + report.status().name() + " - " + text + " | checks=" + report.checks().size()
                + " problems=" + problems.size());
        out.addAll(details);
        return out;
    }

    private static String label(Console console, Status s) {
        String text = s.name().toLowerCase(Locale.ROOT);
        return switch (s) {
            case OK -> console.style(Style.GREEN, text);
            case WARNING -> console.style(Style.YELLOW, text);
            case CRITICAL, UNKNOWN -> console.style(Style.RED, text);
            case SKIPPED -> console.style(Style.DIM, text);
        };
    }
}
