package dev.proxmoxmpc.plugin.sync.partial;

import dev.proxmoxmpc.plugin.sync.merge.ThreeWayMerge;
import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.model.Network;
import dev.proxmoxmpc.spi.model.Node;
import dev.proxmoxmpc.spi.model.PowerState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What a read of the server could not see: the nodes that are down or unreachable (any status but {@code online}).
 * Their guests and networks are not on the server's answer; the last known state stands in for them, marked
 * {@code unknown}, and they are never planned. Pure.
 *
 * @param unreachable node name to its status ({@code offline}, {@code unknown})
 */
public record PartialCluster(Map<String, String> unreachable) {
    public PartialCluster {
        unreachable = Map.copyOf(new TreeMap<>(unreachable));
    }

    /** @return the nodes of {@code observed} that are not online. */
    public static PartialCluster of(Inventory observed) {
        return new PartialCluster(observed.nodes().stream().filter(n -> !n.online())
                .collect(Collectors.toMap(Node::name, Node::status)));
    }

    /** @return whether every node could be read. */
    public boolean complete() {
        return unreachable.isEmpty();
    }

    /** @return whether resources on {@code node} were read. */
    public boolean sees(String node) {
        return !unreachable.containsKey(node);
    }

    /** @return {@code pve3 (offline), pve4 (unknown)}. */
    public String nodes() {
        return new TreeMap<>(unreachable).entrySet().stream().map(e -> e.getKey() + " (" + e.getValue() + ")")
                .collect(Collectors.joining(", "));
    }

    /**
     * @return {@code observed} plus the guests and networks {@code lastKnown} had on the unreachable nodes, the guests
     *     with power state {@code UNKNOWN} (a guest the server lists elsewhere is not added twice)
     */
    public Inventory withLastKnown(Inventory observed, Inventory lastKnown) {
        return fill(observed, lastKnown, true);
    }

    /**
     * @return {@code observed} with the unreachable nodes' guests and networks taken from {@code base} as they were
     *     agreed: merging and drift detection then see no change there
     */
    public Inventory asAgreed(Inventory observed, Inventory base) {
        Inventory without = visible(observed);
        return fill(without, base, false);
    }

    /** @return the inventory without the guests and networks on unreachable nodes. */
    public Inventory visible(Inventory inv) {
        if (complete()) {
            return inv;
        }
        List<Guest> guests = inv.guests().stream().filter(g -> sees(g.node())).toList();
        List<Network> networks = inv.networks().stream().filter(n -> sees(n.node())).toList();
        return new Inventory(inv.cluster(), inv.nodes(), guests, inv.storages(), networks, inv.pools(), inv.objects());
    }

    /** @return the labels of the guests {@code inv} has on unreachable nodes. */
    public List<String> guestsOnUnreachable(Inventory inv) {
        return inv.guests().stream().filter(g -> !sees(g.node())).map(ThreeWayMerge::label).toList();
    }

    /**
     * @return one warning naming the unreachable nodes and what stands in for them, or {@code ""} when every node
     *     was read
     */
    public String warning(Inventory observed) {
        if (complete()) {
            return "";
        }
        List<String> kept = guestsOnUnreachable(observed);
        return (unreachable.size() == 1 ? "node " : "nodes ") + nodes() + " could not be reached: " + (kept.isEmpty() ? "no guest on it is known yet"
                : kept.size() + (kept.size() == 1 ? " guest is" : " guests are") + " kept as last seen (status unknown)"
                + " and not planned: " + String.join(", ", kept));
    }

    /**
     * @return desired and observed without every guest either side has on an unreachable node (and those nodes'
     *     networks), with one warning naming what is held back; unchanged when every node was read
     */
    public Held hold(Inventory desired, Inventory observed) {
        if (complete()) {
            return new Held(desired, observed, "");
        }
        Set<Integer> held = new java.util.TreeSet<>();
        List<String> labels = new ArrayList<>();
        for (Guest g : observed.guests()) {
            if (!sees(g.node()) && held.add(g.vmid())) {
                labels.add(ThreeWayMerge.label(g));
            }
        }
        for (Guest g : desired.guests()) {
            if (!sees(g.node()) && held.add(g.vmid())) {
                labels.add(ThreeWayMerge.label(g) + " (to be on " + g.node() + ")");
            }
        }
        String warning = (unreachable.size() == 1 ? "node " : "nodes ") + nodes() + " cannot be reached: "
                + (labels.isEmpty() ? "nothing on it is planned" : "not planned, changes to them wait until it is back: "
                + String.join(", ", labels));
        return new Held(without(visible(desired), held), without(visible(observed), held), warning);
    }

    /** Planning input with what cannot be seen taken out, and the warning that says so ({@code ""} if none). */
    public record Held(Inventory desired, Inventory observed, String warning) {}

    private static Inventory without(Inventory inv, Set<Integer> vmids) {
        return inv.withGuests(inv.guests().stream().filter(g -> !vmids.contains(g.vmid())).toList());
    }

    private Inventory fill(Inventory observed, Inventory from, boolean unknown) {
        if (complete()) {
            return observed;
        }
        Set<Integer> listed = observed.guests().stream().map(Guest::vmid).collect(Collectors.toSet());
        List<Guest> guests = new ArrayList<>(observed.guests());
        for (Guest g : from.guests()) {
            if (!sees(g.node()) && !listed.contains(g.vmid())) {
                guests.add(unknown ? g.withStatus(PowerState.UNKNOWN) : g);
            }
        }
        List<Network> networks = new ArrayList<>(observed.networks());
        from.networks().stream().filter(n -> !sees(n.node())).forEach(networks::add);
        return new Inventory(observed.cluster(), observed.nodes(), guests, observed.storages(), networks, observed.pools(),
                observed.objects());
    }
}
