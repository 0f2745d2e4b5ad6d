package dev.proxmoxmpc.plugin.resources.command;

import dev.proxmoxmpc.spi.command.ConsoleCommand;
import dev.proxmoxmpc.spi.model.GuestKind;
import org.pf4j.Extension;
import picocli.CommandLine.Command;

/** {@code list containers}. */
@Extension
@Command(name = "list containers", description = "List containers from the local state (--refresh reads the server first)",
        footer = {"list containers", "list containers --node pve1 --status running", "list containers --tag prod --json"})
public class ListContainersCommand extends ListGuestsCommand implements ConsoleCommand {
    public ListContainersCommand() {
        super(GuestKind.CONTAINER);
    }
}
