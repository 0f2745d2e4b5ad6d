package dev.proxmoxmpc.plugin.proxmox.change;

import dev.proxmoxmpc.plugin.proxmox.task.TaskOutcome;

/** A server task ended with an error exit status. */
final class TaskFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient TaskOutcome outcome;

    TaskFailedException(String what, TaskOutcome outcome) {
        super(what + " failed: " + outcome.exitStatus());
        this.outcome = outcome;
    }

    TaskOutcome outcome() {
        return outcome;
    }
}
