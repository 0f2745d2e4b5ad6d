package dev.proxmoxmpc.spi.kernel;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The project's {@code .proxmox/config.yml}, as plugins see it. Never holds a secret.
 *
 * @param currentEnvironment the name of the environment commands act on
 * @param environments       every environment by name
 * @param conflictPolicy     {@code prefer-server}, {@code prefer-local} or {@code ask}
 * @param parallelism        how many independent changes /apply runs at once
 * @param generators         options per generator id ({@code terraform -> {provider_version: ...}})
 */
@API(status = STABLE, since = "1.0")
public record ProjectConfig(String currentEnvironment, Map<String, EnvironmentConfig> environments,
                            String conflictPolicy, int parallelism, Map<String, Map<String, Object>> generators) {
    public ProjectConfig {
        Objects.requireNonNull(currentEnvironment, "currentEnvironment");
        environments = Map.copyOf(environments);
        Objects.requireNonNull(conflictPolicy, "conflictPolicy");
        generators = Map.copyOf(generators);
        if (!environments.containsKey(currentEnvironment)) {
            throw new IllegalArgumentException("current environment '" + currentEnvironment + "' is not defined");
        }
    }

    /** @return the current environment. */
    public EnvironmentConfig environment() {
        return environments.get(currentEnvironment);
    }

    /** @return options of one generator, empty when none are set. */
    public Map<String, Object> generatorOptions(String id) {
        return generators.getOrDefault(id, Map.of());
    }
}
