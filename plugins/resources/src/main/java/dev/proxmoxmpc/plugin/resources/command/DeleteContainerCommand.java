package dev.proxmoxmpc.plugin.resources.command;

import dev.proxmoxmpc.spi.command.ConsoleCommand;
import dev.proxmoxmpc.spi.model.GuestKind;
import org.pf4j.Extension;

/** {@code delete container <id|hostname>}. */
@Extension
public class DeleteContainerCommand extends DeleteGuestCommand implements ConsoleCommand {
    public DeleteContainerCommand() {
        super(GuestKind.CONTAINER);
    }
}
