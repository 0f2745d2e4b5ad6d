package dev.proxmoxmpc.spi.state;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/** The three inventories of a three-way sync. */
@API(status = STABLE, since = "1.0")
public enum StateKind {
    /** What the server had at the last discovery. */
    OBSERVED,
    /** What the user wants (commands, edited files). */
    DESIRED,
    /** The last state server and local agreed on: the merge base. */
    BASE
}
