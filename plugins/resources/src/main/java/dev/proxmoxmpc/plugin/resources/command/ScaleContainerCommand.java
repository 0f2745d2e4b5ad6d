package dev.proxmoxmpc.plugin.resources.command;

import dev.proxmoxmpc.spi.command.ConsoleCommand;
import dev.proxmoxmpc.spi.model.GuestKind;
import org.pf4j.Extension;
import picocli.CommandLine.Command;

/** {@code scale container <id|name>}. */
@Extension
@Command(name = "scale container", description = "Change the CPU cores and memory of a container in the desired state",
        footer = "scale container web-01 --cores 8 --memory 16G")
public class ScaleContainerCommand extends ScaleGuestCommand implements ConsoleCommand {
    public ScaleContainerCommand() {
        super(GuestKind.CONTAINER);
    }
}
