package dev.proxmoxmpc.plugin.resources.command;

import dev.proxmoxmpc.spi.command.ConsoleCommand;
import dev.proxmoxmpc.spi.model.GuestKind;
import org.pf4j.Extension;
import picocli.CommandLine.Command;

/** {@code delete container <id|hostname>}. */
@Extension
@Command(name = "delete container", aliases = "delete ct",
        description = "Remove a container from the desired state (destroyed on the server by /apply)",
        footer = {"delete container old-01", "delete container 105 --yes"})
public class DeleteContainerCommand extends DeleteGuestCommand implements ConsoleCommand {
    public DeleteContainerCommand() {
        super(GuestKind.CONTAINER);
    }

}
