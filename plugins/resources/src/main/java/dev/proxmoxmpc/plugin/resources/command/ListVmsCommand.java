package dev.proxmoxmpc.plugin.resources.command;

import dev.proxmoxmpc.spi.command.ConsoleCommand;
import dev.proxmoxmpc.spi.model.GuestKind;
import org.pf4j.Extension;

/** {@code list vms}. */
@Extension
public class ListVmsCommand extends ListGuestsCommand implements ConsoleCommand {
    public ListVmsCommand() {
        super(GuestKind.VM);
    }
}
