package dev.proxmoxmpc.plugin.resources.command;

import dev.proxmoxmpc.plugin.resources.state.Known;
import dev.proxmoxmpc.spi.command.CommandResult;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import dev.proxmoxmpc.spi.model.Guest;
import java.util.List;

/** Stores a changed guest unless nothing changed. */
final class Changes {
    private Changes() {}

    static CommandResult store(KernelContext ctx, String action, Guest before, Guest after, Known known) {
        if (before.equals(after)) {
            ctx.console().info("Nothing to change: " + (before.kind() == dev.proxmoxmpc.spi.model.GuestKind.VM ? "vm " : "container ")
                    + before.vmid() + " " + before.name() + " already is like that in the desired state");
            if (ResourceCommand.json(ctx)) {
                ctx.console().json(new dev.proxmoxmpc.plugin.resources.view.GuestResult(action,
                        dev.proxmoxmpc.plugin.resources.view.GuestResult.kindOf(before), before.vmid(), before.name(), before.node(),
                        before.pool(), before.status().pve(), before.config(), List.of(), List.of("nothing to change"), List.of(), List.of()));
            }
            return CommandResult.ok();
        }
        return ResourceCommand.finish(ctx, action, before, after, known.desired().withGuest(after), List.of(), List.of());
    }
}
