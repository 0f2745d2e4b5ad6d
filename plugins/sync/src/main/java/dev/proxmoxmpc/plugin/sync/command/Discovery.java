package dev.proxmoxmpc.plugin.sync.command;

import dev.proxmoxmpc.plugin.sync.journal.Reconciler;
import dev.proxmoxmpc.plugin.sync.partial.PartialCluster;
import dev.proxmoxmpc.plugin.sync.plan.GuestCreates;
import dev.proxmoxmpc.spi.command.CommandException;
import dev.proxmoxmpc.spi.console.Progress;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import dev.proxmoxmpc.spi.model.ClusterObject;
import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.model.Node;
import dev.proxmoxmpc.spi.model.Storage;
import dev.proxmoxmpc.spi.provider.ProviderException;
import dev.proxmoxmpc.spi.provider.ProviderSession;
import dev.proxmoxmpc.spi.provider.ReadPolicy;
import dev.proxmoxmpc.spi.provider.TaskRecord;
import dev.proxmoxmpc.spi.state.GuestQuery;
import dev.proxmoxmpc.spi.state.StateKind;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;

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

    /**
     * The targeted read of a live /plan: {@code /cluster/resources} once, then only the configs of the guests the plan
     * may touch ({@link #mustRead}) and of those whose summary there changed since their config was last read; every
     * other guest is the stored observed copy. With an /apply left open in the journal everything is read. Of the
     * desired state only the guests that differ from the stored server state, and the objects, are read.
     */
    static Seen discoverTargetedReconciled(KernelContext ctx, ProviderSession session) {
        if (!ctx.state().openJournal().isEmpty()) {
            return discoverReconciled(ctx, session);
        }
        Inventory known = ctx.state().load(StateKind.OBSERVED);
        Set<Integer> differing = ctx.state().differingGuests(StateKind.DESIRED, StateKind.OBSERVED);
        Inventory desired = ctx.state().infrastructure(StateKind.DESIRED)
                .withGuests(ctx.state().guests(StateKind.DESIRED, GuestQuery.all().vmids(differing)));
        Set<Integer> mustRead = new TreeSet<>(mustRead(differing, desired));
        mustRead.addAll(guestsWithDifferingObjects(desired, known));
        Inventory observed = read(ctx, p -> session.discover(p, known, mustRead), () -> known);
        Reconciler.Outcome o = new Reconciler(ctx.state(), ctx.clock()).reconcile(observed, () -> tasks(session));
        o.settled().forEach(ctx.console()::warn);
        return new Seen(observed, o);
    }

    /**
     * @return the VMIDs of the guests whose own objects (scope {@code vm/N} or {@code ct/N}: their firewall) differ
     *     between {@code desired} and {@code observed}: the plan may change them, so the targeted read reads them
     */
    static Set<Integer> guestsWithDifferingObjects(Inventory desired, Inventory observed) {
        Map<Integer, Set<ClusterObject>> want = byGuest(desired);
        Map<Integer, Set<ClusterObject>> have = byGuest(observed);
        Set<Integer> out = new TreeSet<>();
        for (Integer vmid : union(want.keySet(), have.keySet())) {
            if (!want.getOrDefault(vmid, Set.of()).equals(have.getOrDefault(vmid, Set.of()))) {
                out.add(vmid);
            }
        }
        return out;
    }

    private static Map<Integer, Set<ClusterObject>> byGuest(Inventory inv) {
        Map<Integer, Set<ClusterObject>> out = new HashMap<>();
        for (ClusterObject o : inv.objects()) {
            String scope = o.scope();
            if (scope.startsWith("vm/") || scope.startsWith("ct/")) {
                try {
                    out.computeIfAbsent(Integer.valueOf(scope.substring(3)), k -> new HashSet<>()).add(o);
                } catch (NumberFormatException e) {
                    // not a guest scope
                }
            }
        }
        return out;
    }

    private static Set<Integer> union(Set<Integer> a, Set<Integer> b) {
        Set<Integer> out = new TreeSet<>(a);
        out.addAll(b);
        return out;
    }

    /**
     * @param differing the VMIDs whose stored desired and observed guests differ (more is fine)
     * @param desired   the desired state, with at least those guests
     * @return those, and the clone sources the desired guests among them name (a clone is planned from its source's
     *     config)
     */
    static Set<Integer> mustRead(Set<Integer> differing, Inventory desired) {
        Set<Integer> out = new TreeSet<>(differing);
        for (Guest g : desired.guests()) {
            if (differing.contains(g.vmid())) {
                String source = g.config().getOrDefault(GuestCreates.CLONE_FROM, "").trim();
                try {
                    out.add(Integer.parseInt(source));
                } catch (NumberFormatException e) {
                    // no clone source (or one the planner will refuse): nothing more to read
                }
            }
        }
        return out;
    }

    private static Inventory read(KernelContext ctx, ProviderSession session) {
        return read(ctx, session::discover, () -> ctx.state().load(StateKind.OBSERVED));
    }

    private static Inventory read(KernelContext ctx, Function<Progress, Inventory> discover, Supplier<Inventory> stored) {
        try (Progress p = ctx.console().progress("Discovering", 0)) {
            Inventory observed = discover.apply(p);
            PartialCluster partial = PartialCluster.of(observed);
            if (partial.complete()) {
                return observed;
            }
            Inventory last = stored.get();
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
