package dev.proxmoxmpc.spi.state;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Instant;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Who holds a named state lock, from where and since when.
 *
 * @param name  the lock name ({@code apply})
 * @param owner what the holder called itself ({@code alice pid 4242})
 * @param pid   the holder's process id
 * @param host  the holder's host name
 * @param since when it was taken
 * @param stale whether the holder's process is gone (known only for locks held on this host): the next command
 *              that takes the lock takes it over and says so; read-only commands report it and leave it
 */
@API(status = EXPERIMENTAL, since = "1.0")
public record LockStatus(String name, String owner, long pid, String host, Instant since, boolean stale) {
    public LockStatus {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(since, "since");
    }

    /** @return {@code alice pid 4242 (pid 4242 on host1)}: how the holder is named in messages. */
    public String holder() {
        return owner + " (pid " + pid + " on " + host + ")";
    }

    /**
     * @return {@code the apply lock is held by ... since ...}, or for a stale one {@code stale apply lock of ... since
     *     ...: its process is gone; the next /apply or /sync takes it over (or /unlock apply)}
     */
    public String describe() {
        if (stale) {
            return "stale " + name + " lock of " + holder() + " since " + since + ": its process is gone; the next /apply or"
                    + " /sync takes it over (or run /unlock " + name + ")";
        }
        return "the " + name + " lock is held by " + holder() + " since " + since;
    }
}
