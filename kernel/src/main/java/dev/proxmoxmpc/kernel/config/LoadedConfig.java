package dev.proxmoxmpc.kernel.config;

import dev.proxmoxmpc.spi.kernel.ProjectConfig;
import java.util.Map;
import java.util.Objects;

/**
 * A parsed and validated config.yml.
 *
 * @param project    what plugins see
 * @param state      where the state store lives
 * @param secretEnvs per environment, the name of a custom environment variable holding its secret (may be empty)
 */
public record LoadedConfig(ProjectConfig project, StateBackendConfig state, Map<String, String> secretEnvs) {
    public LoadedConfig {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(state, "state");
        secretEnvs = Map.copyOf(secretEnvs);
    }
}
