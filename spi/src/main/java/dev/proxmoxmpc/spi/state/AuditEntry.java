package dev.proxmoxmpc.spi.state;

import static org.apiguardian.api.API.Status.STABLE;

import java.time.Instant;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Who did what to which resource, and how it ended. Never holds a secret.
 *
 * @param time           when it started
 * @param user           the OS user
 * @param tokenId        the API token id or user used against the server, or {@code ""}
 * @param action         {@code apply}, {@code create vm}, {@code rollback}, ...
 * @param target         {@code vm/101}, {@code cluster}, ...
 * @param result         {@code ok}, or the one-line failure
 * @param durationMillis how long it took
 */
@API(status = STABLE, since = "1.0")
public record AuditEntry(Instant time, String user, String tokenId, String action, String target, String result,
                         long durationMillis) {
    public AuditEntry {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(tokenId, "tokenId");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(result, "result");
    }
}
