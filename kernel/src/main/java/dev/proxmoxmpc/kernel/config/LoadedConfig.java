package dev.proxmoxmpc.kernel.config;

import dev.proxmoxmpc.kernel.secrets.SecretCommand;
import dev.proxmoxmpc.spi.kernel.ProjectConfig;
import java.util.Map;
import java.util.Objects;

/**
 * A parsed and validated config.yml.
 *
 * @param project    what plugins see
 * @param state      where the state store lives
 * @param secretEnvs per environment, the name of a custom environment variable holding its secret (may be empty)
 * @param secretCommands per environment with one, its {@code secret_command} and {@code secret_store_command}
 */
public record LoadedConfig(ProjectConfig project, StateBackendConfig state, Map<String, String> secretEnvs,
                           Map<String, SecretCommand> secretCommands) {
    public LoadedConfig(ProjectConfig project, StateBackendConfig state, Map<String, String> secretEnvs) {
        this(project, state, secretEnvs, Map.of());
    }

    public LoadedConfig {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(state, "state");
        secretEnvs = Map.copyOf(secretEnvs);
        secretCommands = Map.copyOf(secretCommands);
    }
}
