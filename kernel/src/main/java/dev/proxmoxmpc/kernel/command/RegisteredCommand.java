package dev.proxmoxmpc.kernel.command;

import dev.proxmoxmpc.spi.command.ConsoleCommand;
import java.util.Objects;

/**
 * A command and the plugin that contributed it.
 *
 * @param command  the command
 * @param pluginId its plugin id, {@code kernel} for built-ins
 */
public record RegisteredCommand(ConsoleCommand command, String pluginId) {
    public RegisteredCommand {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(pluginId, "pluginId");
    }

    /** @return the normalised name ({@code list vms}). */
    public String name() {
        return CommandRegistry.normalise(command.name());
    }
}
