package dev.proxmoxmpc.plugin.resources.command;

import dev.proxmoxmpc.spi.command.ConsoleCommand;
import dev.proxmoxmpc.spi.model.GuestKind;
import org.pf4j.Extension;

/** {@code describe vm <id|name>}. */
@Extension
public class DescribeVmCommand extends DescribeGuestCommand implements ConsoleCommand {
    public DescribeVmCommand() {
        super(GuestKind.VM);
    }
}
