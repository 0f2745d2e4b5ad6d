package dev.proxmoxmpc.plugin.sync.local;

import dev.proxmoxmpc.plugin.sync.merge.ThreeWayMerge;
import dev.proxmoxmpc.plugin.sync.partial.PartialCluster;
import dev.proxmoxmpc.plugin.sync.plan.Planner;
import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.state.GuestQuery;
import dev.proxmoxmpc.spi.state.StateKind;
import dev.proxmoxmpc.spi.state.StateStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The pending changes of the local state (what /status and the status bar count) without loading every guest: only
 * the guests whose stored rows differ between the desired and the observed inventory can give a plan item (a guest
 * that is the same in both plans to nothing), so the planner sees those, the clone sources they name, and all the
 * infrastructure. The count equals the planner's on the whole inventories.
 */
public final class LocalPending {
    /** The config key naming a clone source (the planner looks its source up among all guests). */
    private static final String CLONE_FROM = "mpc.clone-from";

    private LocalPending() {}

    /** @return the desired and observed inventories cut down to what the planner needs to count the plan. */
    public static Inputs inputs(StateStore state) {
        Cut cut = cut(state, state.differingGuests(StateKind.DESIRED, StateKind.OBSERVED), false);
        return new Inputs(cut.desired(), cut.observed());
    }

    /**
     * The input of a whole offline plan ({@code /plan --offline}) without loading every guest: the guests
     * {@link #inputs} keeps, and also what the checks around the planner read from the guests. The collision check
     * (a desired guest new since the base whose VMID the server has) sees the guests that differ between the
     * desired state and the base; the checks that ask whether an inventory is blank see one guest of each
     * inventory that has any. Every other guest is the same in the desired and the observed state and in the base,
     * so it gives no plan item, no diagnostic and no collision. Good for an environment without a mapping (a
     * mapping changes guests that are stored the same) whose nodes all answered (a node down names every guest on
     * it in a warning): see {@link #planable}.
     *
     * @return the desired, observed and base inventories cut down to those guests
     */
    public static PlanInputs planInputs(StateStore state) {
        Set<Integer> ids = new TreeSet<>(state.differingGuests(StateKind.DESIRED, StateKind.OBSERVED));
        Inventory base = state.infrastructure(StateKind.BASE);
        Optional<Guest> firstBase = first(state, StateKind.BASE);
        if (firstBase.isPresent() || !ThreeWayMerge.blank(base)) {
            ids.addAll(state.differingGuests(StateKind.DESIRED, StateKind.BASE));
        }
        firstBase.ifPresent(g -> ids.add(g.vmid()));
        first(state, StateKind.DESIRED).ifPresent(g -> ids.add(g.vmid()));
        first(state, StateKind.OBSERVED).ifPresent(g -> ids.add(g.vmid()));
        Cut cut = cut(state, ids, true);
        return new PlanInputs(cut.desired(), cut.observed(), cut.base());
    }

    /**
     * @param observed the observed inventory, its guests aside
     * @param mapped   whether the environment maps the desired state (nodes, storages, bridges)
     * @return whether {@link #planInputs} plans as the whole inventories do: no mapping and every node answered
     */
    public static boolean planable(Inventory observed, boolean mapped) {
        return !mapped && PartialCluster.of(observed).complete();
    }

    private static Optional<Guest> first(StateStore state, StateKind kind) {
        return state.guests(kind, GuestQuery.all().page(0, 1)).stream().findFirst();
    }

    private static Cut cut(StateStore state, Set<Integer> ids, boolean withBase) {
        List<Guest> desired = new ArrayList<>(state.guests(StateKind.DESIRED, GuestQuery.all().vmids(ids)));
        List<Guest> observed = new ArrayList<>(state.guests(StateKind.OBSERVED, GuestQuery.all().vmids(ids)));
        Set<Integer> sources = new TreeSet<>();
        desired.forEach(g -> cloneSource(g).filter(s -> !ids.contains(s)).ifPresent(sources::add));
        if (!sources.isEmpty()) {
            desired.addAll(state.guests(StateKind.DESIRED, GuestQuery.all().vmids(sources)));
            observed.addAll(state.guests(StateKind.OBSERVED, GuestQuery.all().vmids(sources)));
        }
        Inventory base = null;
        if (withBase) {
            Set<Integer> all = new TreeSet<>(ids);
            all.addAll(sources);
            base = state.infrastructure(StateKind.BASE).withGuests(state.guests(StateKind.BASE, GuestQuery.all().vmids(all)));
        }
        return new Cut(state.infrastructure(StateKind.DESIRED).withGuests(desired),
                state.infrastructure(StateKind.OBSERVED).withGuests(observed), base);
    }

    private record Cut(Inventory desired, Inventory observed, Inventory base) {}

    /** @return how many changes /plan would list from the stored server state to the desired state (no network). */
    public static int count(StateStore state) {
        Inputs in = inputs(state);
        return new Planner(name -> Optional.of("")).plan(in.desired(), in.observed()).items().size();
    }

    /** The planner's input: both inventories with only the guests that can give a plan item. */
    public record Inputs(Inventory desired, Inventory observed) {}

    /** The input of a whole offline plan: the three inventories with only the guests the plan and its checks read. */
    public record PlanInputs(Inventory desired, Inventory observed, Inventory base) {}

    private static Optional<Integer> cloneSource(Guest g) {
        String v = g.value(CLONE_FROM).trim();
        return v.matches("\\d{1,9}") ? Optional.of(Integer.parseInt(v)) : Optional.empty();
    }
}
