package dev.proxmoxmpc.kernel.context;

import dev.proxmoxmpc.spi.command.CommandException;
import dev.proxmoxmpc.spi.kernel.Secrets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Secrets from the kernel's environment variables first ({@code PROXMOX_MPC_<NAME>_SECRET}), then from the
 * project's secrets.yml (when there is a project).
 */
final class EnvironmentSecrets implements Secrets {
    private final Map<String, String> env;
    private final Secrets project;

    /** @param project the project's secrets, or null without a project */
    EnvironmentSecrets(Map<String, String> env, Secrets project) {
        this.env = env;
        this.project = project;
    }

    /** @return the project's secrets this reads after the environment, or null without a project */
    Secrets project() {
        return project;
    }

    static String defaultVariable(String name) {
        return "PROXMOX_MPC_" + name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_") + "_SECRET";
    }

    @Override
    public String variable(String name) {
        return project == null ? defaultVariable(name) : project.variable(name);
    }

    @Override
    public Optional<String> get(String name) {
        String value = env.get(defaultVariable(name));
        if (value != null && !value.isEmpty()) {
            return Optional.of(value);
        }
        return project == null ? Optional.empty() : project.get(name);
    }

    @Override
    public void put(String name, String value) {
        if (project == null) {
            throw new CommandException("no project here to store secrets in; run /init first");
        }
        project.put(name, value);
    }
}
