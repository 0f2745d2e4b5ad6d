package dev.proxmoxmpc.kernel.context;

import dev.proxmoxmpc.spi.console.Console;
import dev.proxmoxmpc.spi.kernel.EnvironmentConfig;

/** Warns once per session, on the first connection to an environment with {@code insecure: true}. Thread-safe. */
final class InsecureTlsWarning {
    private boolean warned;

    void beforeConnecting(EnvironmentConfig env, Console console) {
        boolean warn;
        synchronized (this) {
            warn = env.insecure() && !warned;
            warned |= env.insecure();
        }
        if (warn) {
            console.warn("TLS verification is off for environment '" + env.name()
                    + "' (insecure: true); pin the certificate fingerprint instead");
        }
    }
}
