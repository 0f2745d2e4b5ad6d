package dev.proxmoxmpc.plugin.simulator.state;

/** A cluster member: hardware, address, its network configuration and uptime base. */
public final class NodeState {
    public final String name;
    public final int nodeid;
    public final String ip;
    public final int cpus;
    public final long memoryBytes;
    public final long rootfsBytes;
    public final long bootedAt;
    public boolean online = true;
    /** {@code /etc/network/interfaces}, its staged changes, NICs and link state. */
    public final NodeNetwork network = new NodeNetwork();

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
