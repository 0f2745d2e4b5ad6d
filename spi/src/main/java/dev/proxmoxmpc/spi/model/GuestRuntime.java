package dev.proxmoxmpc.spi.model;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * What the server reports about a guest that is not configuration: observed only, never desired.
 *
 * @param lock          the config lock ({@code clone}, {@code backup}, ...) or {@code ""}
 * @param haState       the HA state ({@code started}, ...) or {@code ""} when not HA-managed
 * @param uptimeSeconds seconds since start, 0 when stopped
 * @param ipAddresses   addresses reported by the guest agent (or LXC interfaces), may be empty
 * @param digest        the config digest at discovery (SHA-1 hex) for optimistic concurrency, or {@code ""}
 */
@API(status = STABLE, since = "1.0")
public record GuestRuntime(String lock, String haState, long uptimeSeconds, List<String> ipAddresses, String digest) {
    /** No runtime information: what desired guests carry. */
    public static final GuestRuntime NONE = new GuestRuntime("", "", 0, List.of(), "");

    public GuestRuntime {
        Objects.requireNonNull(lock, "lock");
        Objects.requireNonNull(haState, "haState");
        ipAddresses = List.copyOf(ipAddresses);
        Objects.requireNonNull(digest, "digest");
    }
}
