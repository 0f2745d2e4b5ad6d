package dev.proxmoxmpc.plugin.resources.command;

import dev.proxmoxmpc.spi.command.ConsoleCommand;
import dev.proxmoxmpc.spi.model.GuestKind;
import org.pf4j.Extension;
import picocli.CommandLine.Command;

/** {@code delete vm <id|name>}. */
@Extension
@Command(name = "delete vm",
        description = "Remove a vm from the desired state (destroyed on the server by /apply)",
        footer = {"delete vm old-01", "delete vm 105 --yes"})
public class DeleteVmCommand extends DeleteGuestCommand implements ConsoleCommand {
    public DeleteVmCommand() {
        super(GuestKind.VM);
    }
}
