package dev.proxmoxmpc.kernel.state;

import java.util.Optional;

/** Inspects and clears named locks (for {@code /unlock}); the kernel's stores implement it beside the SPI. */
public interface LockAdmin {
    /** @return the holder of a lock, empty when free */
    Optional<LockInfo> lockHolder(String name);

    /**
     * Removes a lock whatever its holder.
     *
     * @return whether there was one
     */
    boolean forceUnlock(String name);
}
