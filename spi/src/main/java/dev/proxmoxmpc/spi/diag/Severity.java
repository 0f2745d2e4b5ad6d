package dev.proxmoxmpc.spi.diag;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/** How serious a {@link Diagnostic} is. */
@API(status = STABLE, since = "1.0")
public enum Severity {
    /** For information; nothing is wrong. */
    INFO,
    /** Something was skipped or approximated; the result is usable. */
    WARNING,
    /** The operation could not do what was asked. */
    ERROR
}
