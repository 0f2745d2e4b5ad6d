package dev.proxmoxmpc.plugin.simulator.state;

import java.util.Map;
import java.util.TreeMap;

/** A cluster member: hardware, address, its network interfaces (as the network API lists them) and uptime base. */
public final class NodeState {
    public final String name;
    public final int nodeid;
    public final String ip;
    public final int cpus;
    public final long memoryBytes;
    public final long rootfsBytes;
    public final long bootedAt;
    public boolean online = true;
    /** Interface name to its attributes (iface, type, active, autostart, bridge_ports, cidr, ...). */
    public final Map<String, Map<String, Object>> interfaces = new TreeMap<>();

    public NodeState(String name, int nodeid, String ip, int cpus, long memoryBytes, long rootfsBytes, long bootedAt) {
        this.name = name;
        this.nodeid = nodeid;
        this.ip = ip;
        this.cpus = cpus;
        this.memoryBytes = memoryBytes;
        this.rootfsBytes = rootfsBytes;
        this.bootedAt = bootedAt;
    }
}
