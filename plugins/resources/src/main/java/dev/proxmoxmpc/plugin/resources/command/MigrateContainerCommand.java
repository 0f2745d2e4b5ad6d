package dev.proxmoxmpc.plugin.resources.command;

import dev.proxmoxmpc.spi.command.ConsoleCommand;
import dev.proxmoxmpc.spi.model.GuestKind;
import org.pf4j.Extension;

/** {@code migrate container <id|name>}. */
@Extension
public class MigrateContainerCommand extends MigrateGuestCommand implements ConsoleCommand {
    public MigrateContainerCommand() {
        super(GuestKind.CONTAINER);
    }
}
