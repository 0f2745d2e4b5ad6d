package dev.proxmoxmpc.plugin.resources.command;

import dev.proxmoxmpc.spi.command.ConsoleCommand;
import dev.proxmoxmpc.spi.model.GuestKind;
import org.pf4j.Extension;

/** {@code list containers}. */
@Extension
public class ListContainersCommand extends ListGuestsCommand implements ConsoleCommand {
    public ListContainersCommand() {
        super(GuestKind.CONTAINER);
    }
}
