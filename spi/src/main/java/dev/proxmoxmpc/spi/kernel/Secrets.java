package dev.proxmoxmpc.spi.kernel;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.apiguardian.api.API.Status.STABLE;

import java.util.Locale;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Secrets live only in environment variables and {@code .proxmox/secrets.yml} (mode 0600, git-ignored).
 * Never print, log, or write them anywhere else. Thread-safe.
 */
@API(status = STABLE, since = "1.0")
public interface Secrets {

    /**
     * @param name a secret name (an environment name for its token secret, or any key)
     * @return the value from the environment variable {@code PROXMOX_MPC_<NAME>_SECRET} (upper case, non
     *     alphanumerics as {@code _}), else from secrets.yml
     */
    Optional<String> get(String name);

    /**
     * @param name a secret name (an environment name for its token secret)
     * @return the name of the environment variable this secret is read from, for a pipeline or script to set: the
     *     environment's {@code secret_env} from config.yml when it names one, else {@code PROXMOX_MPC_<NAME>_SECRET}
     *     (upper case, non alphanumerics as {@code _}). Never the secret itself.
     */
    @API(status = EXPERIMENTAL, since = "1.0")
    default String variable(String name) {
        return "PROXMOX_MPC_" + name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_") + "_SECRET";
    }

    /** Stores a secret in {@code .proxmox/secrets.yml}, creating it with mode 0600. */
    void put(String name, String value);
}
