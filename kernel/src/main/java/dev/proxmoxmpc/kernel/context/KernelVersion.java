package dev.proxmoxmpc.kernel.context;

import dev.proxmoxmpc.spi.SpiVersion;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The product version, from the build. */
public final class KernelVersion {
    private KernelVersion() {}

    /** @return the kernel (product) version, e.g. {@code 0.1.0-SNAPSHOT}. */
    public static String current() {
        try (InputStream in = KernelVersion.class.getResourceAsStream("/META-INF/proxmox-mpc-kernel.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("kernel.version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** @return the line {@code --version} prints. */
    public static String line() {
        return "proxmox-mpc " + current() + " (SPI " + SpiVersion.current() + ", Java " + System.getProperty("java.version") + ")";
    }
}
