package dev.proxmoxmpc.plugin.resources.command;

import dev.proxmoxmpc.spi.command.ConsoleCommand;
import dev.proxmoxmpc.spi.model.GuestKind;
import java.util.List;
import org.pf4j.Extension;

/** {@code delete container <id|hostname>}. */
@Extension
public class DeleteContainerCommand extends DeleteGuestCommand implements ConsoleCommand {
    public DeleteContainerCommand() {
        super(GuestKind.CONTAINER);
    }

    @Override
    public List<String> aliases() {
        return List.of("delete ct");
    }
}
