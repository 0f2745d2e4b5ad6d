package dev.proxmoxmpc.plugin.simulator.task;

/** What the task runner asks the fault injector: how long tasks run, whether they are held, which one fails. */
public interface TaskPolicy {
    /** @return how long a task runs before it finishes */
    long taskDurationMs();

    /** @return whether tasks are held in state running */
    boolean tasksHeld();

    /** @return the failure message for this task (consuming the fault), or {@code null} */
    String takeTaskFault(String type, String id);
}
