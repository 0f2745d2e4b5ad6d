package dev.proxmoxmpc.plugin.testing.policy;

import dev.proxmoxmpc.spi.diag.Severity;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code .proxmox/policies.yml} says about one rule: {@code off}, another severity, options.
 *
 * @param enabled  false for {@code off}
 * @param severity the severity to use instead of the rule's own, if any
 * @param options  the rule's options ({@code max_percent: 90})
 */
public record RuleSetting(boolean enabled, Optional<Severity> severity, Map<String, Object> options) {
    /** A rule policies.yml does not mention. */
    public static final RuleSetting DEFAULT = new RuleSetting(true, Optional.empty(), Map.of());

    public RuleSetting {
        Objects.requireNonNull(severity, "severity");
        options = Map.copyOf(options);
    }

    /** @return this setting with {@code more} laid over it (an environment's over the file's). */
    public RuleSetting with(RuleSetting more) {
        Map<String, Object> merged = new java.util.HashMap<>(options);
        merged.putAll(more.options);
        return new RuleSetting(more.enabled, more.severity.or(() -> severity), merged);
    }
}
