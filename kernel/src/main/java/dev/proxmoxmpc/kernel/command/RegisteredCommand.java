package dev.proxmoxmpc.kernel.command;

import dev.proxmoxmpc.spi.command.ConsoleCommand;
import dev.proxmoxmpc.spi.command.internal.Declaration;
import java.util.Objects;

/**
 * A command, its declaration and the plugin that contributed it.
 *
 * @param declaration the command and what its annotations declare
 * @param pluginId    its plugin id, {@code kernel} for built-ins
 */
public record RegisteredCommand(Declaration declaration, String pluginId) {
    public RegisteredCommand {
        Objects.requireNonNull(declaration, "declaration");
        Objects.requireNonNull(pluginId, "pluginId");
    }

    /** @return the command as registered. */
    public ConsoleCommand command() {
        return declaration.command();
    }

    /** @return the normalised name ({@code list vms}). */
    public String name() {
        return declaration.name();
    }
}
