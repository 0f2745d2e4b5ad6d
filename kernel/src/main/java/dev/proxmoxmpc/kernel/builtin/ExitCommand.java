package dev.proxmoxmpc.kernel.builtin;

import dev.proxmoxmpc.kernel.context.KernelSession;
import dev.proxmoxmpc.spi.command.CommandResult;
import dev.proxmoxmpc.spi.command.ConsoleCommand;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import picocli.CommandLine.Command;

/** {@code /exit} (or {@code /quit}, or Ctrl-D): leaves the console; in batch mode, stops reading commands. */
@Command(name = "exit", aliases = "quit", description = "Leave the console (Ctrl-D does the same)",
        footer = {"/exit", "proxmox-mpc -c 'sync; exit; plan'   # stops before plan"})
public final class ExitCommand implements ConsoleCommand {
    @Override
    public CommandResult execute(KernelContext ctx) {
        KernelSession.of(ctx).requestExit();
        return CommandResult.ok();
    }
}
