package dev.proxmoxmpc.plugin.simulator.state;

/** Ends a task with {@code exitstatus} = the message (logged as {@code TASK ERROR: message}). */
public final class TaskFailure extends RuntimeException {
    public TaskFailure(String message) {
        super(message, null, false, false);
    }
}
