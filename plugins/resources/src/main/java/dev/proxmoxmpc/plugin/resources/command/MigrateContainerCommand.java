package dev.proxmoxmpc.plugin.resources.command;

import dev.proxmoxmpc.spi.command.ConsoleCommand;
import dev.proxmoxmpc.spi.model.GuestKind;
import org.pf4j.Extension;
import picocli.CommandLine.Command;

/** {@code migrate container <id|name>}. */
@Extension
@Command(name = "migrate container", description = "Move a container to another node in the desired state (migrated by /apply)",
        footer = "migrate container web-01 --to-node pve2")
public class MigrateContainerCommand extends MigrateGuestCommand implements ConsoleCommand {
    public MigrateContainerCommand() {
        super(GuestKind.CONTAINER);
    }
}
