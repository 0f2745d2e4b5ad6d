package dev.proxmoxmpc.plugin.sync.command;

import dev.proxmoxmpc.spi.kernel.KernelContext;
import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.state.SnapshotInfo;
import dev.proxmoxmpc.spi.state.StateKind;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** Names, VMIDs and snapshot ids from local state, for arguments and Tab completion. */
final class GuestNames {
    private GuestNames() {}

    /** @return the VMIDs {@code who} names (a VMID, or a guest name), from desired and observed. */
    static List<Integer> resolve(String who, Inventory desired, Inventory observed) {
        TreeSet<Integer> out = new TreeSet<>();
        for (Inventory inv : List.of(desired, observed)) {
            for (Guest g : inv.guests()) {
                if (g.name().equals(who) || Integer.toString(g.vmid()).equals(who)) {
                    out.add(g.vmid());
                }
            }
        }
        return new ArrayList<>(out);
    }

    /** @return the VMIDs and names of the guests in desired and observed state (a guest only on the server too). */
    static List<String> candidates(KernelContext ctx) {
        try {
            TreeSet<String> out = new TreeSet<>();
            for (StateKind kind : List.of(StateKind.DESIRED, StateKind.OBSERVED)) {
                for (Guest g : ctx.state().load(kind).guests()) {
                    out.add(Integer.toString(g.vmid()));
                    if (!g.name().isEmpty()) {
                        out.add(g.name());
                    }
                }
            }
            return new ArrayList<>(out);
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    /** @return the VMIDs the server had at the last sync, in order. */
    static List<String> vmids(KernelContext ctx) {
        return ctx.state().load(StateKind.OBSERVED).guests().stream().map(g -> g.vmid()).sorted().map(String::valueOf).toList();
    }

    static List<String> snapshotIds(KernelContext ctx) {
        try {
            return ctx.state().snapshots().stream().map(SnapshotInfo::id).toList();
        } catch (RuntimeException e) {
            return List.of();
        }
    }
}
