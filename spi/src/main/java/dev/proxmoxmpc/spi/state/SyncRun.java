package dev.proxmoxmpc.spi.state;

import static org.apiguardian.api.API.Status.STABLE;

import java.time.Instant;
import java.util.Objects;
import org.apiguardian.api.API;

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
@API(status = STABLE, since = "1.0")
public record SyncRun(Instant time, String environment, int nodes, int vms, int containers, int drifted, int conflicts) {
    public SyncRun {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(environment, "environment");
    }
}
