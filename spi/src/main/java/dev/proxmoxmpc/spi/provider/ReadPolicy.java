package dev.proxmoxmpc.spi.provider;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * How fresh an answer a read needs. Only reads that cannot change a plan take anything but {@link #LIVE}: /plan,
 * /apply and discovery always read live.
 */
@API(status = EXPERIMENTAL, since = "1.0")
public enum ReadPolicy {
    /** Ask the server; the answer replaces what is cached. */
    LIVE,
    /** A cached answer younger than the provider's time-to-live, else the server (and the answer is cached). */
    CACHED,
    /** Only what is cached, however old; never the network. Empty when nothing is cached (for Tab completion). */
    CACHE_ONLY
}
