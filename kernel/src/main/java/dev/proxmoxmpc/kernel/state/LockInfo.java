package dev.proxmoxmpc.kernel.state;

import java.time.Instant;
import java.util.Objects;

/**
 * Who holds a named lock.
 *
 * @param name  the lock name
 * @param owner what the holder called itself ({@code alice on host1 pid 4242})
 * @param pid   the holder's process id
 * @param host  the holder's host name
 * @param since when it was taken
 * @param stale whether the holder's process is gone (known only for locks held on this host)
 */
public record LockInfo(String name, String owner, long pid, String host, Instant since, boolean stale) {
    public LockInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(since, "since");
    }

    /** @return how the holder is named in messages */
    public String holder() {
        return owner + " (pid " + pid + " on " + host + ")";
    }
}
