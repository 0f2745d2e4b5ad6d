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
 */
public final class GuestPairs {
    private GuestPairs() {}

    /** @return VMID to {desired or null, observed or null}, ordered by VMID */
    public static Map<Integer, Guest[]> read(StateStore state, GuestKind kind, Optional<String> node, List<String> tags) {
        GuestQuery all = GuestQuery.all().kind(kind);
        Map<Integer, Guest[]> out = new TreeMap<>();
        if (node.isEmpty() && tags.isEmpty()) {
            state.guests(StateKind.DESIRED, all).forEach(g -> slot(out, g)[0] = g);
            state.guests(StateKind.OBSERVED, all).forEach(g -> slot(out, g)[1] = g);
            return out;
        }
        GuestQuery filtered = all.node(node.orElse("")).tags(tags);
        state.guests(StateKind.DESIRED, filtered).forEach(g -> slot(out, g)[0] = g);
        if (!out.isEmpty()) {
            state.guests(StateKind.OBSERVED, all.vmids(out.keySet())).forEach(g -> slot(out, g)[1] = g);
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
