package dev.proxmoxmpc.plugin.testing.policy;

import dev.proxmoxmpc.spi.diag.Severity;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The project's {@code .proxmox/policies.yml}: rules turned off or given another severity, for every environment or
 * for one, and the team's own CEL rules.
 *
 * <pre>{@code
 * rules:
 *   tags-present: off
 *   storage-usage: {severity: error, max_percent: 90}
 * environments:
 *   production:
 *     rules:
 *       protection-production: error
 * custom:
 *   - id: owner-tag
 *     severity: warning
 *     expr: guest.tags.exists(t, t.startsWith("owner-"))
 *     message: has no owner-... tag
 * }</pre>
 *
 * @param rules        settings by rule id
 * @param environments settings by environment name, then rule id
 * @param custom       the team's CEL rules
 */
public record PolicyFile(Map<String, RuleSetting> rules, Map<String, Map<String, RuleSetting>> environments,
                         List<CustomRule> custom) {
    /** The project-relative path. */
    public static final String PATH = ".proxmox/policies.yml";
    /** No file: every rule on, at its own severity. */
    public static final PolicyFile NONE = new PolicyFile(Map.of(), Map.of(), List.of());

    public PolicyFile {
        rules = Map.copyOf(rules);
        environments = Map.copyOf(environments);
        custom = List.copyOf(custom);
    }

    /** @return the setting of a rule in an environment (the environment's laid over the file's). */
    public RuleSetting setting(String rule, String environment) {
        RuleSetting base = rules.getOrDefault(rule, RuleSetting.DEFAULT);
        RuleSetting env = environments.getOrDefault(environment, Map.of()).get(rule);
        return env == null ? base : base.with(env);
    }

    /** @return the severity a rule's findings get: the setting's, else {@code own}. */
    public Severity severity(String rule, String environment, Severity own) {
        return setting(rule, environment).severity().orElse(Objects.requireNonNull(own));
    }
}
