package dev.proxmoxmpc.plugin.testing.check;

import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.model.Node;
import dev.proxmoxmpc.spi.model.PowerState;
import dev.proxmoxmpc.spi.model.VirtualMachine;
import java.util.ArrayList;
import java.util.List;

/**
 * What a node's running guests ask of it: memory and vCPUs, against what it has.
 *
 * @param node      the node name
 * @param memory    bytes of memory the running guests are given
 * @param maxMemory the node's memory in bytes (0 when unknown)
 * @param vcpus     vCPUs of the running guests (VM cores x sockets, container cores)
 * @param maxCpu    the node's logical CPUs (0 when unknown)
 */
public record NodeLoad(String node, long memory, long maxMemory, int vcpus, int maxCpu) {
    private static final long MIB = 1024L * 1024;

    /** @return one load per node of {@code nodes}, counting the running guests of {@code guests} on it. */
    public static List<NodeLoad> of(Inventory guests, List<Node> nodes) {
        List<NodeLoad> out = new ArrayList<>();
        for (Node n : nodes) {
            long memory = 0;
            int vcpus = 0;
            for (Guest g : guests.guests()) {
                if (g.node().equals(n.name()) && g.status() == PowerState.RUNNING && !g.template()) {
                    memory += g.memoryMiB() * MIB;
                    vcpus += vcpus(g);
                }
            }
            out.add(new NodeLoad(n.name(), memory, n.maxMemory(), vcpus, n.maxCpu()));
        }
        return out;
    }

    /** @return the nodes to measure against: the desired inventory's, else the observed one's. */
    public static List<Node> nodes(Inventory desired, Inventory observed) {
        return desired.nodes().isEmpty() ? observed.nodes() : desired.nodes();
    }

    static int vcpus(Guest g) {
        if (g instanceof VirtualMachine v) {
            int vcpus = v.intValue("vcpus", 0);
            return vcpus > 0 ? vcpus : v.cores() * v.sockets();
        }
        return g.cores();
    }

    /** @return memory as {@code 34.0 GiB}. */
    public static String gib(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f GiB", bytes / (1024.0 * MIB));
    }
}
