package dev.proxmoxmpc.plugin.testing.report;

import dev.proxmoxmpc.plugin.testing.policy.Finding;
import dev.proxmoxmpc.plugin.testing.policy.RuleRun;
import dev.proxmoxmpc.plugin.testing.policy.ValidateReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link ValidateReport} as SARIF 2.1.0 (what GitHub code scanning reads): every rule in
 * {@code tool.driver.rules} with its why and fix, every finding a result located on the generated file it belongs to
 * ({@code tests/vms/web-01.test.yml}, cluster-wide ones on {@code tests/infrastructure.test.yml}).
 */
public final class Sarif {
    public static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

    private Sarif() {}

    /** @return the SARIF log as plain maps and lists, ready for a JSON writer. */
    public static Map<String, Object> of(ValidateReport report, String version) {
        List<Object> rules = new ArrayList<>();
        Map<String, Integer> index = new LinkedHashMap<>();
        for (RuleRun r : report.rules()) {
            index.put(r.id(), rules.size());
            Map<String, Object> rule = new LinkedHashMap<>();
            rule.put("id", r.id());
            rule.put("name", camel(r.id()));
            rule.put("shortDescription", Map.of("text", r.why().isEmpty() ? r.id() : r.why()));
            rule.put("fullDescription", Map.of("text", r.why().isEmpty() ? r.id() : r.why()));
            rule.put("help", Map.of("text", r.fix().isEmpty() ? "See docs/testing.md." : r.fix()));
            rule.put("defaultConfiguration", Map.of("level", level(r.severity())));
            rules.add(rule);
        }
        List<Object> results = new ArrayList<>();
        for (Finding f : report.findings()) {
            Map<String, Object> res = new LinkedHashMap<>();
            res.put("ruleId", f.rule());
            if (index.containsKey(f.rule())) {
                res.put("ruleIndex", index.get(f.rule()));
            }
            res.put("level", level(f.severity()));
            res.put("message", Map.of("text", f.message()));
            Map<String, Object> physical = new LinkedHashMap<>();
            physical.put("artifactLocation", Map.of("uri", f.file()));
            physical.put("region", Map.of("startLine", 1));
            res.put("locations", List.of(Map.of("physicalLocation", physical)));
            if (!f.source().isEmpty()) {
                res.put("partialFingerprints", Map.of("resource/v1", f.rule() + ":" + f.source()));
            }
            results.add(res);
        }
        Map<String, Object> driver = new LinkedHashMap<>();
        driver.put("name", "proxmox-mpc");
        driver.put("informationUri", "https://github.com/proxmox-mpc/proxmox-mpc/blob/main/docs/testing.md");
        driver.put("version", version);
        driver.put("rules", rules);
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("tool", Map.of("driver", driver));
        run.put("results", results);
        Map<String, Object> log = new LinkedHashMap<>();
        log.put("$schema", SCHEMA);
        log.put("version", "2.1.0");
        log.put("runs", List.of(run));
        return log;
    }

    static String level(String severity) {
        return switch (severity) {
            case "error" -> "error";
            case "warning" -> "warning";
            default -> "note";
        };
    }

    static String camel(String id) {
        StringBuilder b = new StringBuilder();
        for (String part : id.split("-")) {
            if (!part.isEmpty()) {
                b.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return b.toString();
    }
}
