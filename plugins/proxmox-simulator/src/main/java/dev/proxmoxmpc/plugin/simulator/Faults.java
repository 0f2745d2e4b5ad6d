package dev.proxmoxmpc.plugin.simulator;

import dev.proxmoxmpc.plugin.simulator.auth.Authenticator;
import dev.proxmoxmpc.plugin.simulator.http.FaultPolicy;
import dev.proxmoxmpc.plugin.simulator.task.TaskPolicy;
import dev.proxmoxmpc.plugin.simulator.state.Cluster;
import dev.proxmoxmpc.plugin.simulator.state.Guest;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * Fault and latency injection, changeable while the server runs (thread-safe). Latency is added before a request
 * is handled; a failing request gets a 500, a dropped one has its connection closed without an answer.
 */
public final class Faults implements FaultPolicy, TaskPolicy {
    /** A task failure waiting for a task whose type or guest id matches. */
    public record TaskFault(String match, String message) {
    }

    private final Cluster cluster;
    private final Authenticator auth;
    private final Random random;
    private volatile long latencyMinMs;
    private volatile long latencyMaxMs;
    private volatile double failRate;
    private volatile double dropRate;
    private volatile long unauthorizedDelayMs;
    private volatile long taskDurationMs;
    private volatile boolean tasksHeld;
    private final List<TaskFault> taskFaults = new ArrayList<>();
    private ApiToken noPrivilegeToken;

    Faults(Cluster cluster, Authenticator auth, SimulatorOptions o) {
        this.cluster = cluster;
        this.auth = auth;
        this.random = new Random(o.seed() ^ 0x5DEECE66DL);
        this.latencyMinMs = o.latencyMs();
        this.latencyMaxMs = Math.max(o.latencyMs(), o.latencyMaxMs());
        this.failRate = o.failRate();
        this.dropRate = o.dropRate();
        this.unauthorizedDelayMs = o.unauthorizedDelayMs();
        this.taskDurationMs = o.taskDurationMs();
    }

    /** Every request waits {@code ms} before it is handled. */
    public Faults latencyMs(long ms) {
        return latencyMs(ms, ms);
    }

    /** Every request waits a random time in {@code [minMs, maxMs]}. */
    public Faults latencyMs(long minMs, long maxMs) {
        if (minMs < 0 || maxMs < minMs) {
            throw new IllegalArgumentException("latency must be 0 <= min <= max, got " + minMs + ".." + maxMs);
        }
        this.latencyMinMs = minMs;
        this.latencyMaxMs = maxMs;
        return this;
    }

    /** A fraction (0..1) of requests is answered with 500. */
    public Faults failRate(double rate) {
        this.failRate = fraction(rate);
        return this;
    }

    /** A fraction (0..1) of requests has its connection closed without an answer. */
    public Faults dropRate(double rate) {
        this.dropRate = fraction(rate);
        return this;
    }

    /** The delay before every 401 (real PVE waits about 3 s; the simulator default is 0). */
    public Faults unauthorizedDelayMs(long ms) {
        this.unauthorizedDelayMs = Math.max(0, ms);
        return this;
    }

    /** How long a task runs before it finishes. */
    public Faults taskDurationMs(long ms) {
        this.taskDurationMs = Math.max(0, ms);
        return this;
    }

    /**
     * Holds every task in state {@code running} (locks stay set) until {@link #releaseTasks()}: lets tests observe
     * running tasks and locks without depending on timing.
     */
    public Faults holdTasks() {
        this.tasksHeld = true;
        return this;
    }

    /** Lets held tasks finish. */
    public Faults releaseTasks() {
        this.tasksHeld = false;
        return this;
    }

    @Override
    public boolean tasksHeld() {
        return tasksHeld;
    }

    /**
     * Guests created from now on (create, clone, restore) are listed by /cluster/resources as
     * {@code {id, type, vmid, node, status: "unknown"}} for {@code ms}, as a real cluster does until the first
     * stats sample; 0 (the default) turns this off.
     */
    public Faults newGuestStatsDelayMs(long ms) {
        synchronized (cluster) {
            cluster.newGuestStatsDelayMs = Math.max(0, ms);
        }
        return this;
    }

    /**
     * Takes a node down or brings it back: while down it is listed {@code offline} in {@code /nodes},
     * {@code /cluster/resources} and {@code /cluster/status}, its guests are {@code unknown} there, and every
     * {@code /nodes/<node>/...} call is answered {@code 595 Errors during connection establishment, proxy handshake:
     * No route to host} with an empty body, as pveproxy does.
     */
    public Faults nodeOffline(String node, boolean offline) {
        synchronized (cluster) {
            if (!cluster.nodes.containsKey(node)) {
                throw new IllegalArgumentException("no node " + node + " in the simulator");
            }
            cluster.nodes.get(node).online = !offline;
        }
        return this;
    }

    @Override
    public boolean nodeUnreachable(String node) {
        synchronized (cluster) {
            var n = cluster.nodes.get(node);
            return n != null && !n.online;
        }
    }

    /** The next task whose type ({@code qmstart}) or id ({@code 101}) matches fails with a generic error. */
    public Faults failNextTask(String typeOrVmid) {
        return failNextTask(typeOrVmid, "simulated failure of this task (fault injection)");
    }

    /** The next task whose type or id matches fails with {@code message} as its exit status. */
    public synchronized Faults failNextTask(String typeOrVmid, String message) {
        taskFaults.add(new TaskFault(typeOrVmid, message));
        return this;
    }

    /** Sets a guest's {@code lock} (as a crashed backup would leave it); {@code null} or {@code ""} removes it. */
    public Faults lockGuest(int vmid, String lock) {
        synchronized (cluster) {
            Guest g = guest(vmid);
            if (lock == null || lock.isEmpty()) {
                g.config.remove("lock");
            } else {
                g.config.put("lock", lock);
            }
        }
        return this;
    }

    /**
     * Makes the QEMU guest agent inside a VM answer or stop answering (as if its service were stopped): the agent
     * calls then fail with {@code QEMU guest agent is not running}.
     */
    public Faults guestAgent(int vmid, boolean answers) {
        synchronized (cluster) {
            guest(vmid).agentAnswers = answers;
        }
        return this;
    }

    private Guest guest(int vmid) {
        Guest g = cluster.guests.get(vmid);
        if (g == null) {
            throw new IllegalArgumentException("no guest " + vmid + " in the simulator");
        }
        return g;
    }

    /** @return a token ({@code root@pam!noaccess}) that authenticates but holds no privilege (403 on most calls). */
    public synchronized ApiToken tokenWithoutPrivileges() {
        if (noPrivilegeToken == null) {
            noPrivilegeToken = new ApiToken("root@pam!noaccess", UUID.randomUUID().toString());
            auth.addToken("root@pam", "noaccess", noPrivilegeToken.secret(), Set.of());
        }
        return noPrivilegeToken;
    }

    /** Clears latency, failure and drop rates and pending task failures. */
    public synchronized Faults reset() {
        latencyMinMs = 0;
        latencyMaxMs = 0;
        failRate = 0;
        dropRate = 0;
        taskFaults.clear();
        tasksHeld = false;
        newGuestStatsDelayMs(0);
        return this;
    }

    // ---- used by the server ----

    /** @return the latency to add to the next request. */
    @Override
    public long nextLatencyMs() {
        long min = latencyMinMs;
        long max = latencyMaxMs;
        return max <= min ? min : min + (long) (randomDouble() * (max - min + 1));
    }

    /** @return whether the next request fails with 500. */
    @Override
    public boolean shouldFail() {
        return failRate > 0 && randomDouble() < failRate;
    }

    /** @return whether the next request is dropped. */
    @Override
    public boolean shouldDrop() {
        return dropRate > 0 && randomDouble() < dropRate;
    }

    @Override
    public long unauthorizedDelayMs() {
        return unauthorizedDelayMs;
    }

    @Override
    public long taskDurationMs() {
        return taskDurationMs;
    }

    /** @return the failure message if a pending fault matches this task (and consumes it), else {@code null}. */
    @Override
    public synchronized String takeTaskFault(String type, String id) {
        for (int i = 0; i < taskFaults.size(); i++) {
            TaskFault f = taskFaults.get(i);
            if (f.match().equals(type) || f.match().equals(id)) {
                taskFaults.remove(i);
                return f.message();
            }
        }
        return null;
    }

    private synchronized double randomDouble() {
        return random.nextDouble();
    }

    private static double fraction(double rate) {
        if (rate < 0 || rate > 1) {
            throw new IllegalArgumentException("rate must be between 0 and 1, got " + rate);
        }
        return rate;
    }
}
