package dev.proxmoxmpc.plugin.sync.local;

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
        Set<Integer> ids = state.differingGuests(StateKind.DESIRED, StateKind.OBSERVED);
        List<Guest> desired = new ArrayList<>(state.guests(StateKind.DESIRED, GuestQuery.all().vmids(ids)));
        List<Guest> observed = new ArrayList<>(state.guests(StateKind.OBSERVED, GuestQuery.all().vmids(ids)));
        Set<Integer> sources = new TreeSet<>();
        desired.forEach(g -> cloneSource(g).filter(s -> !ids.contains(s)).ifPresent(sources::add));
        if (!sources.isEmpty()) {
            desired.addAll(state.guests(StateKind.DESIRED, GuestQuery.all().vmids(sources)));
            observed.addAll(state.guests(StateKind.OBSERVED, GuestQuery.all().vmids(sources)));
        }
        return new Inputs(state.infrastructure(StateKind.DESIRED).withGuests(desired),
                state.infrastructure(StateKind.OBSERVED).withGuests(observed));
    }

    /** @return how many changes /plan would list from the stored server state to the desired state (no network). */
    public static int count(StateStore state) {
        Inputs in = inputs(state);
        return new Planner(name -> Optional.of("")).plan(in.desired(), in.observed()).items().size();
    }

    /** The planner's input: both inventories with only the guests that can give a plan item. */
    public record Inputs(Inventory desired, Inventory observed) {}

    private static Optional<Integer> cloneSource(Guest g) {
        String v = g.value(CLONE_FROM).trim();
        return v.matches("\\d{1,9}") ? Optional.of(Integer.parseInt(v)) : Optional.empty();
    }
}
