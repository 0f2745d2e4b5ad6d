package dev.proxmoxmpc.plugin.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proxmoxmpc.plugin.testing.report.RuleDocs;
import dev.proxmoxmpc.spi.iac.Policy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** docs/testing.md lists exactly the bundled rules, as {@link RuleDocs} renders them. */
class RuleDocsTest {
    private static final Path DOC = Path.of("../../docs/testing.md");

    @Test
    void theDocumentListsEveryBundledRule() throws Exception {
        List<Policy> rules = Project.Rules.bundled();
        String table = RuleDocs.markdown(rules);
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        int begin = doc.indexOf(RuleDocs.BEGIN);
        int end = doc.indexOf(RuleDocs.END);
        assertThat(begin).as("docs/testing.md has the rules markers").isNotNegative();
        assertThat(end).isGreaterThan(begin);
        String current = doc.substring(begin + RuleDocs.BEGIN.length() + 1, end);
        if (System.getProperty("golden.update") != null && !current.equals(table)) {
            Files.writeString(DOC, doc.substring(0, begin + RuleDocs.BEGIN.length() + 1) + table + doc.substring(end), StandardCharsets.UTF_8);
            return;
        }
        assertThat(current).as("docs/testing.md is out of date: run the test with -Dgolden.update").isEqualTo(table);
    }

    @Test
    void thereAreAtLeastFifteenRulesWithUniqueIdsAndTheirWhyAndFix() {
        List<Policy> rules = Project.Rules.bundled();
        Set<String> ids = rules.stream().map(Policy::id).collect(Collectors.toSet());
        assertThat(ids).hasSize(rules.size()).hasSizeGreaterThanOrEqualTo(15);
        assertThat(rules).allSatisfy(p -> {
            assertThat(p.why()).as(p.id()).isNotBlank();
            assertThat(p.fix()).as(p.id()).isNotBlank();
            assertThat(p.id()).matches("[a-z0-9-]+");
        });
    }
}
