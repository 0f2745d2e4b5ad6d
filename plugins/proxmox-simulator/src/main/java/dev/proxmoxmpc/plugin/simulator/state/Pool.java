package dev.proxmoxmpc.plugin.simulator.state;

import java.util.TreeSet;

/** A resource pool: guests and storages grouped for permissions. */
public final class Pool {
    public final String id;
    public String comment;
    public final TreeSet<Integer> vmids = new TreeSet<>();
    public final TreeSet<String> storages = new TreeSet<>();

    public Pool(String id, String comment) {
        this.id = id;
        this.comment = comment;
    }
}
