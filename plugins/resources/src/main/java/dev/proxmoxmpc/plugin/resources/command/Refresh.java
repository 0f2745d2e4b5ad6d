package dev.proxmoxmpc.plugin.resources.command;

import dev.proxmoxmpc.spi.command.CommandException;
import dev.proxmoxmpc.spi.console.Progress;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.provider.ProviderException;
import dev.proxmoxmpc.spi.provider.ProviderSession;
import dev.proxmoxmpc.spi.state.StateKind;

/** {@code --refresh}: reads the server and stores what it has as the observed state (desired is left alone). */
final class Refresh {
    private Refresh() {}

    static void observed(KernelContext ctx) {
        try (ProviderSession session = ctx.connect(); Progress p = ctx.console().progress("Reading the server", 0)) {
            Inventory fresh = session.discover(p);
            ctx.state().save(StateKind.OBSERVED, fresh);
        } catch (ProviderException e) {
            throw new CommandException("cannot refresh from the server: " + e.getMessage(), e);
        }
    }
}
