package dev.proxmoxmpc.plugin.resources.state;

import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.GuestKind;
import dev.proxmoxmpc.spi.state.GuestQuery;
import dev.proxmoxmpc.spi.state.StateKind;
import dev.proxmoxmpc.spi.state.StateStore;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The guests of one kind as pairs by VMID (desired, observed), read through the store's indexed queries: with a node
 * or tag filter only the guests that can make a matching line are read. A line shows the desired guest when there is
 * one, else the observed one, so a pair is read when its shown guest matches; the caller checks the filter again on
 * the line.
 * <p>
 * The server's guest is read only where the store reports the two as different ({@link StateStore#differingGuests}):
 * for any other VMID the observed slot holds the desired guest itself, which has the same kind, node, pool, power
 * state and config. A line reads nothing else (not the runtime), and with 10,000 guests in sync this halves the rows
 * read and parsed.
 */
public final class GuestPairs {
    private GuestPairs() {}

    /** @return VMID to {desired or null, observed or null}, ordered by VMID */
    public static Map<Integer, Guest[]> read(StateStore state, GuestKind kind, Optional<String> node, List<String> tags) {
        GuestQuery all = GuestQuery.all().kind(kind);
        Map<Integer, Guest[]> out = new TreeMap<>();
        Set<Integer> differing = state.differingGuests(StateKind.DESIRED, StateKind.OBSERVED);
        GuestQuery filtered = all.node(node.orElse("")).tags(tags);
        state.guests(StateKind.DESIRED, node.isEmpty() && tags.isEmpty() ? all : filtered).forEach(g -> {
            Guest[] pair = slot(out, g);
            pair[0] = g;
            if (!differing.contains(g.vmid())) {
                pair[1] = g; // the same on the server, as far as a line reads it
            }
        });
        Set<Integer> toRead = out.keySet().stream().filter(differing::contains).collect(Collectors.toSet());
        if (!toRead.isEmpty()) {
            state.guests(StateKind.OBSERVED, all.vmids(toRead)).forEach(g -> slot(out, g)[1] = g);
        }
        if (node.isEmpty() && tags.isEmpty()) { // the rest of the server's guests: only there, or of the other kind in desired
            Set<Integer> onlyThere = differing.stream().filter(id -> !out.containsKey(id)).collect(Collectors.toSet());
            if (!onlyThere.isEmpty()) {
                state.guests(StateKind.OBSERVED, all.vmids(onlyThere)).forEach(g -> slot(out, g)[1] = g);
            }
            return out;
        }
        // Lines shown from the server's guest: it matches and no desired guest of this kind has its VMID.
        List<Guest> onServer = state.guests(StateKind.OBSERVED, filtered).stream().filter(g -> !out.containsKey(g.vmid())).toList();
        if (!onServer.isEmpty()) {
            Set<Integer> desired = state.guests(StateKind.DESIRED, all.vmids(onServer.stream().map(Guest::vmid)
                    .collect(Collectors.toSet()))).stream().map(Guest::vmid).collect(Collectors.toSet());
            onServer.stream().filter(g -> !desired.contains(g.vmid())).forEach(g -> slot(out, g)[1] = g);
        }
        return out;
    }

    private static Guest[] slot(Map<Integer, Guest[]> out, Guest g) {
        return out.computeIfAbsent(g.vmid(), k -> new Guest[2]);
    }
}
