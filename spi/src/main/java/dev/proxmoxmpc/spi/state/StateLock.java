package dev.proxmoxmpc.spi.state;

/** A held lock; closing releases it. */
public interface StateLock extends AutoCloseable {
    /** @return the stale lock this one replaced (its holder's process was gone), empty when the lock was free. */
    default java.util.Optional<LockStatus> takenOver() {
        return java.util.Optional.empty();
    }

    /** Releases the lock. Never throws. */
    @Override
    void close();
}
