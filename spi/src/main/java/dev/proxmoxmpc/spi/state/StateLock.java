package dev.proxmoxmpc.spi.state;

/** A held lock; closing releases it. */
public interface StateLock extends AutoCloseable {
    /** Releases the lock. Never throws. */
    @Override
    void close();
}
