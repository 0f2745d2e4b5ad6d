package dev.proxmoxmpc.plugin.testing.policy;

import dev.proxmoxmpc.plugin.testing.generate.TestPaths;
import dev.proxmoxmpc.spi.diag.Diagnostic;
import dev.proxmoxmpc.spi.diag.Severity;
import dev.proxmoxmpc.spi.iac.Policy;
import dev.proxmoxmpc.spi.iac.PolicyRequest;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.provider.ProviderException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs rules over the desired state with the project's policies.yml: rules turned off are not run, severities are
 * replaced, a rule whose server read fails is skipped with the reason, a rule that throws is a failed rule (an error).
 */
public final class PolicyEngine {
    private PolicyEngine() {}

    /**
     * The state and server a run looks at.
     *
     * @param desired     the desired inventory
     * @param observed    the last observed inventory
     * @param environment the environment name
     * @param server      the server reader ({@link PolicyRequest.ServerReader#NONE} offline)
     */
    public record Inputs(Inventory desired, Inventory observed, String environment, PolicyRequest.ServerReader server) {}

    /** @return the bundled and plugin rules followed by the file's CEL rules (a custom id replaces a rule of the same id). */
    public static List<Policy> rules(List<Policy> extensions, PolicyFile file) {
        Map<String, Policy> byId = new LinkedHashMap<>();
        extensions.forEach(p -> byId.putIfAbsent(p.id(), p));
        file.custom().forEach(c -> byId.put(c.id(), CelPolicy.compile(c)));
        return List.copyOf(byId.values());
    }

    /** @return what every rule found; never throws for a rule's failure. */
    public static ValidateReport run(List<Policy> rules, PolicyFile file, Inputs in) {
        TestPaths paths = TestPaths.of(in.desired());
        List<RuleRun> runs = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        for (Policy p : rules) {
            RuleSetting setting = file.setting(p.id(), in.environment());
            Severity severity = setting.severity().orElse(p.severity());
            String level = level(severity);
            if (!setting.enabled()) {
                runs.add(new RuleRun(p.id(), level, "off", "turned off in " + PolicyFile.PATH, p.why(), p.fix()));
                continue;
            }
            try {
                List<Diagnostic> found = p.check(new PolicyRequest(in.desired(), in.observed(), in.environment(), setting.options(), in.server()));
                for (Diagnostic d : found) {
                    Severity s = d.severity() == Severity.INFO ? Severity.INFO : setting.severity().orElse(d.severity());
                    findings.add(new Finding(p.id(), level(s), d.summary(), d.source(), paths.fileOf(d.source())));
                }
                runs.add(new RuleRun(p.id(), level, "ran", "", p.why(), p.fix()));
            } catch (ProviderException e) {
                runs.add(new RuleRun(p.id(), level, "skipped", e.getMessage(), p.why(), p.fix()));
            } catch (RuntimeException e) {
                runs.add(new RuleRun(p.id(), level, "failed", String.valueOf(e.getMessage()), p.why(), p.fix()));
                findings.add(new Finding(p.id(), "error", "rule " + p.id() + " failed: " + e.getMessage(), "", TestPaths.INFRASTRUCTURE));
            }
        }
        return ValidateReport.of(runs, findings);
    }

    static String level(Severity s) {
        return s.name().toLowerCase(Locale.ROOT);
    }
}
