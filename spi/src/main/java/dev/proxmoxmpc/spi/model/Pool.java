package dev.proxmoxmpc.spi.model;

import java.util.Objects;

/**
 * A resource pool. Members are the guests whose {@link Guest#pool()} names it.
 *
 * @param id      the pool id
 * @param comment the comment, or {@code ""}
 */
public record Pool(String id, String comment) {
    public Pool {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(comment, "comment");
    }
}
