package dev.proxmoxmpc.plugin.resources.command;

import dev.proxmoxmpc.spi.command.ConsoleCommand;
import dev.proxmoxmpc.spi.model.GuestKind;
import org.pf4j.Extension;

/** {@code scale container <id|name>}. */
@Extension
public class ScaleContainerCommand extends ScaleGuestCommand implements ConsoleCommand {
    public ScaleContainerCommand() {
        super(GuestKind.CONTAINER);
    }
}
