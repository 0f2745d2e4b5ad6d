package dev.proxmoxmpc.spi.state;

import java.time.Instant;
import java.util.Objects;

/**
 * A finished /sync.
 *
 * @param time        when it finished
 * @param environment which environment
 * @param nodes       nodes found
 * @param vms         VMs found
 * @param containers  containers found
 * @param drifted     guests that drifted from the base
 * @param conflicts   fields in conflict
 */
public record SyncRun(Instant time, String environment, int nodes, int vms, int containers, int drifted, int conflicts) {
    public SyncRun {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(environment, "environment");
    }
}
