package dev.proxmoxmpc.spi.state;

import static org.apiguardian.api.API.Status.STABLE;

import java.time.Instant;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * An entry of the append-only event log.
 *
 * @param time   when
 * @param type   {@code sync}, {@code drift}, {@code conflict}, {@code apply}, {@code desired-changed}, ...
 * @param target {@code vm/101}, or {@code ""}
 * @param detail one human line
 */
@API(status = STABLE, since = "1.0")
public record Event(Instant time, String type, String target, String detail) {
    public Event {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(detail, "detail");
    }
}
