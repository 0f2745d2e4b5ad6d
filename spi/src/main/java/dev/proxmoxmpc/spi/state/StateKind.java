package dev.proxmoxmpc.spi.state;

/** The three inventories of a three-way sync. */
public enum StateKind {
    /** What the server had at the last discovery. */
    OBSERVED,
    /** What the user wants (commands, edited files). */
    DESIRED,
    /** The last state server and local agreed on: the merge base. */
    BASE
}
