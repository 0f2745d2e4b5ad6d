package dev.proxmoxmpc.plugin.testing.report;

import dev.proxmoxmpc.plugin.testing.run.Result;
import dev.proxmoxmpc.plugin.testing.run.TestReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link TestReport} as JUnit XML (the Ant/Surefire dialect CI servers read): one {@code <testsuite>} per test file,
 * one {@code <testcase>} per check; an error-severity failure is a {@code <failure>}, a skip {@code <skipped>}, a
 * warning a passed case with the warning in {@code <system-out>}.
 */
public final class JUnitXml {
    private JUnitXml() {}

    public static String write(TestReport report) {
        Map<String, List<Result>> byFile = new LinkedHashMap<>();
        report.results().forEach(r -> byFile.computeIfAbsent(r.file(), k -> new ArrayList<>()).add(r));
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        b.append("<testsuites name=\"proxmox-mpc ").append(report.phase()).append("\" tests=\"").append(report.results().size())
                .append("\" failures=\"").append(report.failed()).append("\" skipped=\"").append(report.skipped()).append("\">\n");
        byFile.forEach((file, results) -> {
            long failures = results.stream().filter(Result::failed).count();
            long skipped = results.stream().filter(Result::skipped).count();
            b.append("  <testsuite name=\"").append(esc(file)).append("\" tests=\"").append(results.size()).append("\" failures=\"")
                    .append(failures).append("\" errors=\"0\" skipped=\"").append(skipped).append("\">\n");
            for (Result r : results) {
                String name = r.check() + " " + (r.field().isEmpty() ? r.target() : r.target() + " " + r.field());
                b.append("    <testcase classname=\"").append(esc(file)).append("\" name=\"").append(esc(name)).append('"');
                if (r.passed()) {
                    b.append("/>\n");
                    continue;
                }
                b.append(">\n");
                if (r.failed()) {
                    b.append("      <failure message=\"").append(esc(r.text())).append("\" type=\"").append(esc(r.check())).append("\">")
                            .append(esc(r.line())).append("</failure>\n");
                } else if (r.skipped()) {
                    b.append("      <skipped message=\"").append(esc(r.message())).append("\"/>\n");
                } else {
                    b.append("      <system-out>").append(esc(r.line())).append("</system-out>\n");
                }
                b.append("    </testcase>\n");
            }
            b.append("  </testsuite>\n");
        });
        return b.append("</testsuites>\n").toString();
    }

    static String esc(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&apos;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') {
                        b.append(' ');
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
