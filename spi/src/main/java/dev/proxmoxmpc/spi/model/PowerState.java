package dev.proxmoxmpc.spi.model;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.Locale;
import org.apiguardian.api.API;

/** Whether a guest runs. Desired state uses RUNNING or STOPPED only. */
@API(status = STABLE, since = "1.0")
public enum PowerState {
    RUNNING, STOPPED, PAUSED, UNKNOWN;

    /** @return the state for a PVE status word ({@code running}, {@code stopped}, ...); unknown words give UNKNOWN. */
    public static PowerState fromPve(String status) {
        return switch (status == null ? "" : status.toLowerCase(Locale.ROOT)) {
            case "running" -> RUNNING;
            case "stopped" -> STOPPED;
            case "paused", "suspended" -> PAUSED;
            default -> UNKNOWN;
        };
    }

    /** @return the PVE word, lower case. */
    public String pve() {
        return name().toLowerCase(Locale.ROOT);
    }
}
