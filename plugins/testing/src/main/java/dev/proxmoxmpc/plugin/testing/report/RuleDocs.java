package dev.proxmoxmpc.plugin.testing.report;

import dev.proxmoxmpc.spi.iac.Policy;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The rule reference of docs/testing.md, generated from the rules themselves (a test keeps the file current). */
public final class RuleDocs {
    public static final String BEGIN = "<!-- rules:begin (generated from the rules by RuleDocsTest; -Dgolden.update rewrites it) -->";
    public static final String END = "<!-- rules:end -->";

    private RuleDocs() {}

    /** @return a Markdown table: rule id, default severity, why it matters, how to fix it; sorted by id. */
    public static String markdown(List<Policy> rules) {
        StringBuilder b = new StringBuilder("| rule | severity | why it matters | how to fix |\n|---|---|---|---|\n");
        rules.stream().sorted(Comparator.comparing(Policy::id)).forEach(p -> b.append("| `").append(p.id()).append("` | ")
                .append(p.severity().name().toLowerCase(Locale.ROOT)).append(" | ").append(cell(p.why())).append(" | ")
                .append(cell(p.fix())).append(" |\n"));
        return b.toString();
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }
}
