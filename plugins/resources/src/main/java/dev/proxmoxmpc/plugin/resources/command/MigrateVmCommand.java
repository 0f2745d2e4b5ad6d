package dev.proxmoxmpc.plugin.resources.command;

import dev.proxmoxmpc.spi.command.ConsoleCommand;
import dev.proxmoxmpc.spi.model.GuestKind;
import org.pf4j.Extension;
import picocli.CommandLine.Command;

/** {@code migrate vm <id|name>}. */
@Extension
@Command(name = "migrate vm", description = "Move a vm to another node in the desired state (migrated by /apply)",
        footer = "migrate vm web-01 --to-node pve2")
public class MigrateVmCommand extends MigrateGuestCommand implements ConsoleCommand {
    public MigrateVmCommand() {
        super(GuestKind.VM);
    }
}
