package dev.proxmoxmpc.plugin.resources.command;

import dev.proxmoxmpc.spi.command.ConsoleCommand;
import dev.proxmoxmpc.spi.model.GuestKind;
import org.pf4j.Extension;

/** {@code delete vm <id|name>}. */
@Extension
public class DeleteVmCommand extends DeleteGuestCommand implements ConsoleCommand {
    public DeleteVmCommand() {
        super(GuestKind.VM);
    }
}
