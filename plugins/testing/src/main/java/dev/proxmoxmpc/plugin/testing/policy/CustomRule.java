package dev.proxmoxmpc.plugin.testing.policy;

import dev.proxmoxmpc.spi.diag.Severity;
import java.util.Objects;

/**
 * A team's own rule from {@code .proxmox/policies.yml}: a CEL expression that must hold for every guest it applies to.
 *
 * @param id        the rule id ({@code owner-tag})
 * @param severity  the severity of its findings (default warning)
 * @param why       why it matters, or {@code ""}
 * @param fix       how to fix a finding, or {@code ""}
 * @param appliesTo {@code guests} (VMs and containers, no templates), {@code vms}, {@code containers}, {@code templates}
 * @param expr      the CEL expression over {@code guest} and {@code environment}, true when the guest complies
 * @param message   what a finding says ({@code has no owner tag}), or {@code ""} for a message naming the expression
 * @param where     where the expression starts in the file
 */
public record CustomRule(String id, Severity severity, String why, String fix, String appliesTo, String expr, String message,
                         Position where) {
    public CustomRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(why, "why");
        Objects.requireNonNull(fix, "fix");
        Objects.requireNonNull(appliesTo, "appliesTo");
        Objects.requireNonNull(expr, "expr");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(where, "where");
    }

    /**
     * Where a YAML scalar's text starts, and how CEL positions inside it map to the file.
     *
     * @param file   the project-relative file ({@code .proxmox/policies.yml})
     * @param line   1-based line of the scalar's first character of content
     * @param column 1-based column of that character
     * @param block  true for a {@code |} or {@code >} block, whose later lines start at {@code column} too
     */
    public record Position(String file, int line, int column, boolean block) {
        /** @return {@code file:line:column} of a CEL position (line 1-based, column 0-based, within the expression). */
        public String at(int celLine, int celColumn) {
            int l = line + Math.max(0, celLine - 1);
            int c = (celLine <= 1 ? column : block ? column : 1) + Math.max(0, celColumn);
            return file + ":" + l + ":" + c;
        }
    }
}
