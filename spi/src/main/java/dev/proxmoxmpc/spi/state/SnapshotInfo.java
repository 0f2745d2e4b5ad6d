package dev.proxmoxmpc.spi.state;

import static org.apiguardian.api.API.Status.STABLE;

import java.time.Instant;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A recorded snapshot of state.
 *
 * @param id         sortable id ({@code 20261125-203541-sync})
 * @param time       when
 * @param cause      {@code sync}, {@code apply}, {@code backup}, {@code rollback}
 * @param nodes      node count
 * @param vms        VM count
 * @param containers container count
 */
@API(status = STABLE, since = "1.0")
public record SnapshotInfo(String id, Instant time, String cause, int nodes, int vms, int containers) {
    public SnapshotInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(cause, "cause");
    }
}
