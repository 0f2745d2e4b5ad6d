package dev.proxmoxmpc.spi.diag;

/** How serious a {@link Diagnostic} is. */
public enum Severity {
    /** For information; nothing is wrong. */
    INFO,
    /** Something was skipped or approximated; the result is usable. */
    WARNING,
    /** The operation could not do what was asked. */
    ERROR
}
