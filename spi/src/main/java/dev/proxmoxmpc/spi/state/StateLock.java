package dev.proxmoxmpc.spi.state;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/** A held lock; closing releases it. */
@API(status = STABLE, since = "1.0")
public interface StateLock extends AutoCloseable {
    /** @return the stale lock this one replaced (its holder's process was gone), empty when the lock was free. */
    default java.util.Optional<LockStatus> takenOver() {
        return java.util.Optional.empty();
    }

    /** Releases the lock. Never throws. */
    @Override
    void close();
}
