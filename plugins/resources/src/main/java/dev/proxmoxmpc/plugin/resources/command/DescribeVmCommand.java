package dev.proxmoxmpc.plugin.resources.command;

import dev.proxmoxmpc.spi.command.ConsoleCommand;
import dev.proxmoxmpc.spi.model.GuestKind;
import org.pf4j.Extension;
import picocli.CommandLine.Command;

/** {@code describe vm <id|name>}. */
@Extension
@Command(name = "describe vm", description = "Show a vm's desired config beside the server's, from the local state",
        footer = {"describe vm web-01", "describe vm 101 --json", "describe vm web-01 --refresh"})
public class DescribeVmCommand extends DescribeGuestCommand implements ConsoleCommand {
    public DescribeVmCommand() {
        super(GuestKind.VM);
    }
}
