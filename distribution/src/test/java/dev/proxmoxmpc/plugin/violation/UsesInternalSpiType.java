package dev.proxmoxmpc.plugin.violation;

import dev.proxmoxmpc.spi.SpiVersion;

/** A deliberate violation for {@code InternalApiRulesTest}: a "plugin" class reading an INTERNAL SPI type. */
public final class UsesInternalSpiType {
    private UsesInternalSpiType() {}

    /** @return the SPI version, which only the kernel should read. */
    public static String spiVersion() {
        return SpiVersion.current();
    }
}
