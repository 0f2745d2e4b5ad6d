package dev.proxmoxmpc.plugin.resources.command;

import dev.proxmoxmpc.spi.command.ConsoleCommand;
import dev.proxmoxmpc.spi.model.GuestKind;
import org.pf4j.Extension;

/** {@code scale vm <id|name>}. */
@Extension
public class ScaleVmCommand extends ScaleGuestCommand implements ConsoleCommand {
    public ScaleVmCommand() {
        super(GuestKind.VM);
    }
}
