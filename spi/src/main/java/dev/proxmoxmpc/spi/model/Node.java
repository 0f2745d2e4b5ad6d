package dev.proxmoxmpc.spi.model;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A cluster node.
 *
 * @param name          node name ({@code pve1})
 * @param status        {@code online}, {@code offline} or {@code unknown}
 * @param maxCpu        logical CPUs
 * @param maxMemory     memory in bytes
 * @param maxDisk       root disk in bytes
 * @param uptimeSeconds uptime
 * @param level         subscription level, or {@code ""}
 */
@API(status = STABLE, since = "1.0")
public record Node(String name, String status, int maxCpu, long maxMemory, long maxDisk, long uptimeSeconds, String level) {
    public Node {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(level, "level");
    }

    public boolean online() {
        return status.equals("online");
    }
}
