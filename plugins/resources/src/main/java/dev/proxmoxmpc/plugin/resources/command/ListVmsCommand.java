package dev.proxmoxmpc.plugin.resources.command;

import dev.proxmoxmpc.spi.command.ConsoleCommand;
import dev.proxmoxmpc.spi.model.GuestKind;
import org.pf4j.Extension;
import picocli.CommandLine.Command;

/** {@code list vms}. */
@Extension
@Command(name = "list vms", description = "List vms from the local state (--refresh reads the server first)",
        footer = {"list vms", "list vms --node pve1 --status running", "list vms --tag prod --json"})
public class ListVmsCommand extends ListGuestsCommand implements ConsoleCommand {
    public ListVmsCommand() {
        super(GuestKind.VM);
    }
}
