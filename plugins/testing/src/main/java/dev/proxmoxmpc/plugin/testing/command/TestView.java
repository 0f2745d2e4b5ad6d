package dev.proxmoxmpc.plugin.testing.command;

import dev.proxmoxmpc.plugin.testing.run.Result;
import dev.proxmoxmpc.plugin.testing.run.TestReport;
import dev.proxmoxmpc.spi.console.Console;
import dev.proxmoxmpc.spi.console.Style;

/** Renders a {@link TestReport} like a test runner: one line per failure, warning and skip, then the counts. */
final class TestView {
    private TestView() {}

    static void render(Console console, TestReport report) {
        for (Result r : report.results()) {
            if (r.failed()) {
                console.println(console.style(Style.RED, r.line()));
            } else if (r.warned()) {
                console.println(console.style(Style.YELLOW, r.line()));
            } else if (r.skipped()) {
                console.println(r.line());
            }
        }
        console.println(report.summary());
        if (report.warnings() > 0) {
            console.println(report.warnings() + " warning" + (report.warnings() == 1 ? "" : "s"));
        }
    }
}
