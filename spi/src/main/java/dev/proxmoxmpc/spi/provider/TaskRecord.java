package dev.proxmoxmpc.spi.provider;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A row of the cluster task log ({@code /cluster/tasks}).
 *
 * @param upid    the task id
 * @param node    the node it ran on
 * @param type    {@code qmconfig}, {@code qmstart}, {@code vzcreate}, ...
 * @param id      the object, usually the VMID, or {@code ""}
 * @param user    {@code alice@pam}
 * @param tokenId the API token name when a token started it, or {@code ""}
 * @param start   when it started
 * @param end     when it ended, empty while running
 * @param status  {@code OK}, an error text, or {@code ""} while running
 */
@API(status = EXPERIMENTAL, since = "1.0")
public record TaskRecord(String upid, String node, String type, String id, String user, String tokenId,
                         Instant start, Optional<Instant> end, String status) {
    public TaskRecord {
        Objects.requireNonNull(upid, "upid");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(tokenId, "tokenId");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(status, "status");
    }

    /** @return {@code alice@pam} or {@code root@pam!mpc}. */
    public String who() {
        return tokenId.isEmpty() ? user : user + "!" + tokenId;
    }
}
