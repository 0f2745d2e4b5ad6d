package dev.proxmoxmpc.plugin.sync.drift;

import java.time.Instant;
import java.util.Objects;

/**
 * Who made a change on the server, from the cluster task log.
 *
 * @param who  {@code alice@pam} or {@code root@pam!mpc}
 * @param type the task type ({@code qmconfig})
 * @param time when the task started
 */
public record Attribution(String who, String type, Instant time) {
    public Attribution {
        Objects.requireNonNull(who, "who");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(time, "time");
    }
}
