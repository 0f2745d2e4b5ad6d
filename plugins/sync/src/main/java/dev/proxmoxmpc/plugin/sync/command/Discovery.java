package dev.proxmoxmpc.plugin.sync.command;

import dev.proxmoxmpc.plugin.sync.journal.Reconciler;
import dev.proxmoxmpc.plugin.sync.partial.PartialCluster;
import dev.proxmoxmpc.spi.command.CommandException;
import dev.proxmoxmpc.spi.console.Progress;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.model.Node;
import dev.proxmoxmpc.spi.model.Storage;
import dev.proxmoxmpc.spi.provider.ProviderException;
import dev.proxmoxmpc.spi.provider.ProviderSession;
import dev.proxmoxmpc.spi.provider.ReadPolicy;
import dev.proxmoxmpc.spi.provider.TaskRecord;
import dev.proxmoxmpc.spi.state.StateKind;
import java.util.List;

/**
 * Reads the server with a progress bar; provider failures become one-line command failures. Guests and networks on
 * a node that could not be read are taken from the last known server state, the guests marked {@code unknown}.
 */
final class Discovery {
    private Discovery() {}

    /** What a read of the server found, with the apply journal reconciled against it. */
    record Seen(Inventory observed, Reconciler.Outcome reconciled) {}

    /** Reads the server, then settles what an interrupted /apply left open, saying what it found on stderr. */
    static Seen discoverReconciled(KernelContext ctx, ProviderSession session) {
        Inventory observed = read(ctx, session);
        Reconciler.Outcome o = new Reconciler(ctx.state(), ctx.clock()).reconcile(observed, () -> tasks(session));
        o.settled().forEach(ctx.console()::warn);
        return new Seen(observed, o);
    }

    static Inventory discover(KernelContext ctx, ProviderSession session) {
        return discoverReconciled(ctx, session).observed();
    }

    private static Inventory read(KernelContext ctx, ProviderSession session) {
        try (Progress p = ctx.console().progress("Discovering", 0)) {
            Inventory observed = session.discover(p);
            PartialCluster partial = PartialCluster.of(observed);
            if (partial.complete()) {
                return observed;
            }
            Inventory last = ctx.state().load(StateKind.OBSERVED);
            return partial.withLastKnown(observed, last.guests().isEmpty() ? ctx.state().load(StateKind.BASE) : last);
        } catch (ProviderException e) {
            throw new CommandException("cannot read the server: " + e.getMessage(), e);
        }
    }

    /**
     * Lists each node's container templates into the provider's cache (one call per node and template storage), so
     * the generated files can name one (provision.yml's {@code ostemplate}) without asking the server. Best effort.
     */
    static void listContainerTemplates(ProviderSession session, Inventory observed) {
        for (Node node : observed.nodes()) {
            for (Storage storage : observed.storages()) {
                if (storage.content().contains("vztmpl") && storage.availableOn(node.name()) && node.online()) {
                    try {
                        session.volumes(node.name(), storage.id(), "vztmpl", ReadPolicy.CACHED);
                    } catch (ProviderException e) {
                        return; // the server will not list content: no templates to name
                    }
                }
            }
        }
    }

    /** @return the recent tasks, or none when the server will not tell (attribution is best effort). */
    static List<TaskRecord> tasks(ProviderSession session) {
        try {
            return session.recentTasks();
        } catch (ProviderException e) {
            return List.of();
        }
    }
}
