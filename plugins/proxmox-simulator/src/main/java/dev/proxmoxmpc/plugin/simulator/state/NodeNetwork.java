package dev.proxmoxmpc.plugin.simulator.state;

import java.util.Set;
import java.util.TreeSet;

/**
 * A node's network configuration as PVE keeps it: the text of {@code /etc/network/interfaces} the node runs, the
 * staged {@code /etc/network/interfaces.new} every API write goes to (until {@code PUT /nodes/{node}/network}
 * applies it or {@code DELETE} reverts it), the physical NICs and the interfaces that are up.
 */
public final class NodeNetwork {
    /** The physical NICs of the node ({@code ip link} shows them whether configured or not). */
    public final Set<String> nics = new TreeSet<>();
    /** Interfaces the kernel has up (the {@code active} flag). */
    public final Set<String> up = new TreeSet<>();
    private String running = "";
    private long runningTime = System.currentTimeMillis();
    private String pending;
    private long pendingTime;

    /** @return the text of {@code /etc/network/interfaces}. */
    public String running() {
        return running;
    }

    /** @return when {@code /etc/network/interfaces} was written (epoch ms). */
    public long runningTime() {
        return runningTime;
    }

    /** @return the staged {@code interfaces.new}, or {@code null} when nothing is staged. */
    public String pending() {
        return pending;
    }

    /** @return when {@code interfaces.new} was written (epoch ms). */
    public long pendingTime() {
        return pendingTime;
    }

    /** @return what every API read parses: the staged file when there is one, else the running one. */
    public String current() {
        return pending != null ? pending : running;
    }

    /** Sets the running file (the scenario's, before the cluster serves). */
    public void seed(String text) {
        running = text;
        runningTime = System.currentTimeMillis();
    }

    /** Writes {@code interfaces.new}, as every create, update or delete of an interface does. */
    public void stage(String text) {
        pending = text;
        pendingTime = System.currentTimeMillis();
    }

    /** Renames {@code interfaces.new} over {@code interfaces} (the reload task); nothing when none is staged. */
    public void applyStaged() {
        if (pending != null) {
            running = pending;
            runningTime = pendingTime;
            pending = null;
        }
    }

    /** Removes {@code interfaces.new} ({@code DELETE /nodes/{node}/network}). */
    public void revert() {
        pending = null;
    }
}
