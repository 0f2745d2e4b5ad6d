package dev.proxmoxmpc.spi;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import org.apiguardian.api.API;

/** The version of this SPI, read from the build. Plugins declare the range they need in {@code Plugin-Requires}. */
@API(status = INTERNAL, since = "1.0")
public final class SpiVersion {
    private static final String VERSION = load();

    private SpiVersion() {}

    /** @return the SPI version, e.g. {@code 0.1.0}; never null. Thread-safe. */
    public static String current() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = SpiVersion.class.getResourceAsStream("/META-INF/proxmox-mpc-spi.properties")) {
            if (in == null) {
                return "0.0.0";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("spi.version", "0.0.0");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
