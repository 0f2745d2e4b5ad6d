package dev.proxmoxmpc.plugin.testing.policy;

import java.util.Objects;

/**
 * How one rule ran.
 *
 * @param id       the rule id
 * @param severity the severity of its findings ({@code error}, {@code warning}, {@code info})
 * @param status   {@code ran}, {@code off} (turned off in policies.yml), {@code skipped} or {@code failed}
 * @param reason   why it was skipped or failed, else {@code ""}
 * @param why      why the rule matters
 * @param fix      how to fix a finding
 */
public record RuleRun(String id, String severity, String status, String reason, String why, String fix) {
    public RuleRun {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(why, "why");
        Objects.requireNonNull(fix, "fix");
    }
}
