package dev.proxmoxmpc.plugin.resources.command;

import dev.proxmoxmpc.spi.command.ConsoleCommand;
import dev.proxmoxmpc.spi.model.GuestKind;
import org.pf4j.Extension;

/** {@code migrate vm <id|name>}. */
@Extension
public class MigrateVmCommand extends MigrateGuestCommand implements ConsoleCommand {
    public MigrateVmCommand() {
        super(GuestKind.VM);
    }
}
