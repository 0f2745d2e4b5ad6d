package dev.proxmoxmpc.plugin.testing.command;

import dev.proxmoxmpc.plugin.testing.run.Result;
import dev.proxmoxmpc.plugin.testing.run.TestReport;
import dev.proxmoxmpc.spi.console.Console;

/** Renders a {@link TestReport} like a test runner: one line per failure, warning and skip, then the counts. */
final class TestView {
    private TestView() {}

    static void render(Console console, TestReport report) {
        for (Result r : report.results()) {
            if (r.failed()) {
                console.error(r.line());
            } else if (r.warned()) {
                console.warn(r.line());
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
