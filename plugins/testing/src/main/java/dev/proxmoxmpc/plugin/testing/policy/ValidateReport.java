package dev.proxmoxmpc.plugin.testing.policy;

import java.util.List;

/**
 * What /validate found: the JSON document of {@code /validate --json}.
 *
 * @param rules    every rule, how it ran
 * @param findings what the rules found, rule by rule
 * @param errors   how many findings are errors (they block /apply)
 * @param warnings how many are warnings
 */
public record ValidateReport(List<RuleRun> rules, List<Finding> findings, long errors, long warnings) {
    public ValidateReport {
        rules = List.copyOf(rules);
        findings = List.copyOf(findings);
    }

    public static ValidateReport of(List<RuleRun> rules, List<Finding> findings) {
        return new ValidateReport(rules, findings, findings.stream().filter(Finding::error).count(),
                findings.stream().filter(Finding::warning).count());
    }
}
