package dev.proxmoxmpc.plugin.sync.command;

import dev.proxmoxmpc.spi.command.Suggest;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.state.SnapshotInfo;
import dev.proxmoxmpc.spi.state.StateKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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

    /**
     * @return the one snapshot id {@code typed} starts, or one {@code typed} is with one or two characters missing or
     *     added, or one whose cause word is mistyped. Ids differ only in their time: a changed digit means another
     *     moment's snapshot, never a typo to correct.
     */
    static Optional<String> closeSnapshot(String typed, List<String> ids) {
        List<String> started = ids.stream().filter(i -> !typed.isEmpty() && i.startsWith(typed)).toList();
        if (started.size() == 1) {
            return Optional.of(started.get(0));
        }
        return ids.stream().filter(i -> missingOrExtra(typed, i) || digits(typed).equals(digits(i))
                && Suggest.distance(typed, i) <= 2).findFirst();
    }

    private static boolean missingOrExtra(String a, String b) {
        String shorter = a.length() <= b.length() ? a : b;
        String longer = a.length() <= b.length() ? b : a;
        int extra = longer.length() - shorter.length();
        if (extra < 1 || extra > 2) {
            return false;
        }
        int j = 0;
        for (int i = 0; i < longer.length() && j < shorter.length(); i++) {
            if (longer.charAt(i) == shorter.charAt(j)) {
                j++;
            }
        }
        return j == shorter.length();
    }

    private static String digits(String id) {
        return id.replaceAll("\\D", "");
    }

    /**
     * @return {@code ; did you mean web-01?} (a VMID: {@code ; did you mean 101 (web-01)?}) for a guest nobody has,
     *     from desired and observed state, or {@code ""}
     */
    static String suggestion(String who, Inventory desired, Inventory observed) {
        boolean number = who.matches("\\d+");
        java.util.Map<String, String> known = new java.util.TreeMap<>();
        for (Inventory inv : List.of(desired, observed)) {
            for (Guest g : inv.guests()) {
                known.put(number ? Integer.toString(g.vmid()) : g.name(), g.name());
            }
        }
        known.remove("");
        return Suggest.closest(who, known.keySet())
                .map(s -> "; did you mean " + s + (number && !known.get(s).isEmpty() ? " (" + known.get(s) + ")" : "") + "?")
                .orElse("");
    }

    static List<String> snapshotIds(KernelContext ctx) {
        try {
            return ctx.state().snapshots().stream().map(SnapshotInfo::id).toList();
        } catch (RuntimeException e) {
            return List.of();
        }
    }
}
