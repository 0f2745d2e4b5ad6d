package dev.proxmoxmpc.plugin.resources.command;

import dev.proxmoxmpc.spi.command.ConsoleCommand;
import dev.proxmoxmpc.spi.model.GuestKind;
import org.pf4j.Extension;

/** {@code describe container <id|name>}. */
@Extension
public class DescribeContainerCommand extends DescribeGuestCommand implements ConsoleCommand {
    public DescribeContainerCommand() {
        super(GuestKind.CONTAINER);
    }
}
