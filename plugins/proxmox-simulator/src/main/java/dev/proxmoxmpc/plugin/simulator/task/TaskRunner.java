package dev.proxmoxmpc.plugin.simulator.task;

import dev.proxmoxmpc.plugin.simulator.auth.Principal;
import dev.proxmoxmpc.plugin.simulator.state.Cluster;
import dev.proxmoxmpc.plugin.simulator.state.Guest;
import dev.proxmoxmpc.plugin.simulator.state.Task;
import dev.proxmoxmpc.plugin.simulator.state.TaskFailure;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs worker tasks in the background: a task is recorded and its guest locked at once, the work runs when the
 * task's duration has passed, then the lock is released and the exit status set ({@code OK},
 * {@code WARNINGS: n}, or the error).
 */
public final class TaskRunner implements AutoCloseable {
    /** What a task does when it finishes; throws {@link TaskFailure} to fail, returns log lines. */
    @FunctionalInterface
    public interface Work {
        List<String> run(Task task);
    }

    private final Cluster cluster;
    private final TaskPolicy faults;
    private final ScheduledExecutorService executor;
    private final Map<String, Runnable> finishers = new ConcurrentHashMap<>();

    public TaskRunner(Cluster cluster, TaskPolicy faults) {
        this.cluster = cluster;
        this.faults = faults;
        this.executor = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "pve-simulator-tasks");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Starts a task; call while holding the cluster's monitor.
     *
     * @param lockOn    the guest to lock while the task runs, or {@code null}
     * @param lock      the lock name ({@code clone}, {@code backup}, ...), or {@code null} for none
     * @param onFailure undoes what the call did up front when the task fails (may be {@code null})
     * @return the task (its {@code upid} is the call's answer)
     */
    public Task start(Principal who, String node, String type, String id, Guest lockOn, String lock, Work work,
                      Runnable onFailure) {
        long now = Cluster.now();
        long pstart = (now - cluster.node(node).bootedAt) * 100;
        Task t = new Task(node, cluster.nextPid(), pstart, now, type, id, who.userid(), who.tokenName());
        cluster.addTask(t);
        if (lockOn != null && lock != null) {
            lockOn.config.put("lock", lock);
        }
        Runnable finish = () -> finish(t, lockOn, lock, work, onFailure);
        finishers.put(t.upid, finish);
        executor.schedule(finish, faults.taskDurationMs(), TimeUnit.MILLISECONDS);
        return t;
    }

    /** Stops a running task (DELETE /nodes/{node}/tasks/{upid}): it ends with {@code interrupted by signal}. */
    public void stop(Task t) {
        t.cancelRequested = true;
        Runnable finish = finishers.get(t.upid);
        if (finish != null) {
            executor.execute(finish);
        }
    }

    private void finish(Task t, Guest lockOn, String lock, Work work, Runnable onFailure) {
        if (!t.cancelRequested && faults.tasksHeld()) {
            executor.schedule(finishers.getOrDefault(t.upid, () -> { }), 20, TimeUnit.MILLISECONDS);
            return;
        }
        synchronized (cluster) {
            if (!t.running()) {
                return;
            }
            finishers.remove(t.upid);
            String error = t.cancelRequested ? "interrupted by signal" : faults.takeTaskFault(t.type, t.id);
            int warnings = 0;
            if (error == null) {
                try {
                    for (String line : work.run(t)) {
                        t.log.add(line);
                        if (line.startsWith("WARN:")) {
                            warnings++;
                        }
                    }
                } catch (TaskFailure e) {
                    error = e.getMessage();
                } catch (RuntimeException e) {
                    error = String.valueOf(e.getMessage());
                }
            }
            if (lockOn != null && lock != null && lock.equals(lockOn.config.get("lock"))) {
                lockOn.config.remove("lock");
            }
            if (error != null) {
                if (onFailure != null) {
                    onFailure.run();
                }
                t.log.add("TASK ERROR: " + error);
                t.exitstatus = error;
            } else if (warnings > 0) {
                t.log.add("TASK WARNINGS: " + warnings);
                t.exitstatus = "WARNINGS: " + warnings;
            } else {
                t.log.add("TASK OK");
                t.exitstatus = "OK";
            }
            t.endtime = Math.max(Cluster.now(), t.starttime);
            t.status = "stopped";
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
