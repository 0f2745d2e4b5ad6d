package dev.proxmoxmpc.plugin.sync.command;

import dev.proxmoxmpc.plugin.sync.merge.ThreeWayMerge;
import dev.proxmoxmpc.spi.command.CommandException;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.state.StateKind;

/**
 * Refuses to plan against a server the desired state was never merged with: without a first /sync the desired
 * state lacks everything the server already has, and the plan would delete it all.
 */
final class SyncedGuard {
    private SyncedGuard() {}

    static void check(KernelContext ctx, Inventory observed) {
        if (!ThreeWayMerge.blank(observed) && ThreeWayMerge.blank(ctx.state().load(StateKind.BASE))
                && ctx.state().lastSyncRun().isEmpty()) {
            throw new CommandException("this project has not been synced with the server yet; run /sync first "
                    + "(otherwise the plan would delete everything the server has that the desired state lacks)");
        }
    }
}
