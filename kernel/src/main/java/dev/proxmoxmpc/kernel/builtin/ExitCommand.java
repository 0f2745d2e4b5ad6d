package dev.proxmoxmpc.kernel.builtin;

import dev.proxmoxmpc.kernel.context.KernelSession;
import dev.proxmoxmpc.spi.command.CommandResult;
import dev.proxmoxmpc.spi.command.ConsoleCommand;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import java.util.List;

/** {@code /exit} (or {@code /quit}, or Ctrl-D): leaves the console; in batch mode, stops reading commands. */
public final class ExitCommand implements ConsoleCommand {

    @Override
    public String name() {
        return "exit";
    }

    @Override
    public List<String> aliases() {
        return List.of("quit");
    }

    @Override
    public String summary() {
        return "Leave the console (Ctrl-D does the same)";
    }

    @Override
    public List<String> examples() {
        return List.of("/exit", "proxmox-mpc -c 'sync; exit; plan'   # stops before plan");
    }

    @Override
    public CommandResult execute(KernelContext ctx, List<String> args) {
        KernelSession.of(ctx).requestExit();
        return CommandResult.ok();
    }
}
