package dev.proxmoxmpc.plugin.resources.command;

import dev.proxmoxmpc.spi.command.ConsoleCommand;
import dev.proxmoxmpc.spi.model.GuestKind;
import org.pf4j.Extension;
import picocli.CommandLine.Command;

/** {@code describe container <id|name>}. */
@Extension
@Command(name = "describe container", description = "Show a container's desired config beside the server's, from the local state",
        footer = {"describe container dns-01", "describe container 200 --json", "describe container dns-01 --refresh"})
public class DescribeContainerCommand extends DescribeGuestCommand implements ConsoleCommand {
    public DescribeContainerCommand() {
        super(GuestKind.CONTAINER);
    }
}
