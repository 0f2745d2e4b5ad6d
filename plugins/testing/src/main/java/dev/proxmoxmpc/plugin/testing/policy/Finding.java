package dev.proxmoxmpc.plugin.testing.policy;

import java.util.Objects;

/**
 * One thing a rule found.
 *
 * @param rule     the rule id ({@code guest-agent-enabled})
 * @param severity {@code error}, {@code warning} or {@code info}
 * @param message  one line ({@code web-01: the QEMU guest agent is not enabled (agent)})
 * @param source   the resource ({@code vm/100}, {@code node/pve1}) or {@code ""}
 * @param file     the generated file the finding is shown on ({@code tests/vms/web-01.test.yml})
 */
public record Finding(String rule, String severity, String message, String source, String file) {
    public Finding {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(file, "file");
    }

    public boolean error() {
        return severity.equals("error");
    }

    public boolean warning() {
        return severity.equals("warning");
    }
}
