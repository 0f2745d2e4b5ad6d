package dev.proxmoxmpc.spi.state;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/** A held lock; closing releases it. */
@API(status = STABLE, since = "1.0")
public interface StateLock extends AutoCloseable {
    /** Releases the lock. Never throws. */
    @Override
    void close();
}
