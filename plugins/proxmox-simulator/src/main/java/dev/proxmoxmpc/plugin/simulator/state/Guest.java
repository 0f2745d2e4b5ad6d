package dev.proxmoxmpc.plugin.simulator.state;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A VM or container: the config as the strings the server stores (description and lock included), power state,
 * and snapshots.
 */
public final class Guest {
    public final String kind;
    public final int vmid;
    public String node;
    public final Map<String, String> config;
    public String status = "stopped";
    public long startedAt;
    /** Until this time (epoch ms) /cluster/resources shows the guest as {@code unknown}, without figures. */
    public long statsFromMillis;
    /** Whether the QEMU guest agent inside the VM answers (scenario {@code guestAgent}, {@code Faults.guestAgent}). */
    public boolean agentAnswers = true;
    public final Map<String, Snapshot> snapshots = new LinkedHashMap<>();

    public Guest(String kind, int vmid, String node, Map<String, String> config) {
        if (!kind.equals("qemu") && !kind.equals("lxc")) {
            throw new IllegalArgumentException("guest kind must be qemu or lxc, got " + kind);
        }
        this.kind = kind;
        this.vmid = vmid;
        this.node = node;
        this.config = new LinkedHashMap<>(config);
    }

    public boolean qemu() {
        return kind.equals("qemu");
    }

    public boolean running() {
        return status.equals("running");
    }

    public boolean template() {
        return "1".equals(config.get("template"));
    }

    /** @return {@code VM} or {@code CT}, as messages name guests. */
    public String label() {
        return qemu() ? "VM" : "CT";
    }

    public String name() {
        String n = config.get(qemu() ? "name" : "hostname");
        return n != null ? n : (qemu() ? "VM " : "CT") + vmid;
    }

    /** @return the node-relative config path as PVE names it in errors. */
    public String configPath() {
        return "nodes/" + node + "/" + (qemu() ? "qemu-server" : "lxc") + "/" + vmid + ".conf";
    }
}
