package dev.proxmoxmpc.plugin.docs.facts;

import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.GuestRuntime;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.model.Network;
import dev.proxmoxmpc.spi.model.Node;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The inventory arranged for documentation: guests per node (nodes in name order, then nodes the model does not
 * list but guests name), per pool, per tag, and in boot order. Deterministic: every list has a fixed order.
 *
 * @param inventory the desired inventory
 * @param guests    every guest in VMID order, templates included
 */
public record ClusterFacts(Inventory inventory, List<GuestFacts> guests) {
    public ClusterFacts {
        guests = List.copyOf(guests);
    }

    public static ClusterFacts of(Inventory inv) {
        return of(inv, Inventory.empty());
    }

    /**
     * @param inv      the desired inventory
     * @param observed the last observed one: each guest's HA state comes from there (the server manages it), the
     *                 desired guest's own where the server did not report the guest
     */
    public static ClusterFacts of(Inventory inv, Inventory observed) {
        Map<Integer, String> tf = IacLinks.terraformFiles(inv.guests());
        List<GuestFacts> guests = new ArrayList<>();
        for (Guest g : inv.guests()) {
            Guest seen = observed.guest(g.vmid()).map(o -> withHaState(g, o.runtime().haState())).orElse(g);
            guests.add(GuestFacts.of(seen, tf.getOrDefault(g.vmid(), "")));
        }
        return new ClusterFacts(inv, guests);
    }

    private static Guest withHaState(Guest g, String haState) {
        GuestRuntime r = g.runtime();
        return g.withRuntime(new GuestRuntime(r.lock(), haState, r.uptimeSeconds(), r.ipAddresses(), r.digest()));
    }

    /** @return the cluster name, or {@code the node} name of a single-node install, or {@code proxmox}. */
    public String name() {
        if (!inventory.cluster().isBlank()) {
            return inventory.cluster();
        }
        return inventory.nodes().size() == 1 ? inventory.nodes().get(0).name() : "proxmox";
    }

    /** @return node names: the model's nodes, then any node only a guest names, sorted. */
    public List<String> nodeNames() {
        TreeSet<String> names = new TreeSet<>();
        inventory.nodes().forEach(n -> names.add(n.name()));
        guests.forEach(g -> names.add(g.node()));
        inventory.networks().forEach(n -> names.add(n.node()));
        return List.copyOf(names);
    }

    /** @return the model's node of that name, if listed. */
    public java.util.Optional<Node> node(String name) {
        return inventory.nodes().stream().filter(n -> n.name().equals(name)).findFirst();
    }

    /** @return the guests on a node, VMID order. */
    public List<GuestFacts> on(String node) {
        return guests.stream().filter(g -> g.node().equals(node)).toList();
    }

    /** @return the networks of a node, interface order. */
    public List<Network> networks(String node) {
        return inventory.networks().stream().filter(n -> n.node().equals(node)).toList();
    }

    /** @return the guests that are not templates. */
    public List<GuestFacts> running() {
        return guests.stream().filter(g -> !g.guest().template()).toList();
    }

    /** @return the templates. */
    public List<GuestFacts> templates() {
        return guests.stream().filter(g -> g.guest().template()).toList();
    }

    /** @return the guests that start at boot, in boot order. */
    public List<GuestFacts> bootOrder() {
        return guests.stream().filter(GuestFacts::startsAtBoot).sorted(StartOrder.BOOT).toList();
    }

    /** @return pool id -> member guests (VMID order), pools in id order; guests in a pool the model lacks included. */
    public Map<String, List<GuestFacts>> pools() {
        Map<String, List<GuestFacts>> out = new TreeMap<>();
        inventory.pools().forEach(p -> out.put(p.id(), new ArrayList<>()));
        for (GuestFacts g : guests) {
            if (!g.guest().pool().isBlank()) {
                out.computeIfAbsent(g.guest().pool(), k -> new ArrayList<>()).add(g);
            }
        }
        Map<String, List<GuestFacts>> copy = new LinkedHashMap<>();
        out.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        return copy;
    }

    /** @return tag -> guests (VMID order), tags sorted. */
    public Map<String, List<GuestFacts>> tags() {
        Map<String, List<GuestFacts>> out = new TreeMap<>();
        for (GuestFacts g : guests) {
            for (String t : g.guest().tags()) {
                out.computeIfAbsent(t, k -> new ArrayList<>()).add(g);
            }
        }
        return out;
    }

    /** @return the first guest that is not a template and starts at boot (else any non-template), for examples. */
    public java.util.Optional<GuestFacts> example() {
        return running().stream().filter(GuestFacts::startsAtBoot).findFirst().or(() -> running().stream().findFirst());
    }
}
