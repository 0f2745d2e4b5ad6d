package dev.proxmoxmpc.plugin.resources.command;

import dev.proxmoxmpc.spi.command.ConsoleCommand;
import dev.proxmoxmpc.spi.model.GuestKind;
import org.pf4j.Extension;
import picocli.CommandLine.Command;

/** {@code scale vm <id|name>}. */
@Extension
@Command(name = "scale vm", description = "Change the CPU cores and memory of a vm in the desired state",
        footer = "scale vm web-01 --cores 8 --memory 16G")
public class ScaleVmCommand extends ScaleGuestCommand implements ConsoleCommand {
    public ScaleVmCommand() {
        super(GuestKind.VM);
    }
}
