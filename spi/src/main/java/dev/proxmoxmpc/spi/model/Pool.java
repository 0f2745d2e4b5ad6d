package dev.proxmoxmpc.spi.model;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A resource pool. Members are the guests whose {@link Guest#pool()} names it.
 *
 * @param id      the pool id
 * @param comment the comment, or {@code ""}
 */
@API(status = STABLE, since = "1.0")
public record Pool(String id, String comment) {
    public Pool {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(comment, "comment");
    }
}
