package dev.proxmoxmpc.plugin.resources.state;

import dev.proxmoxmpc.spi.command.Suggest;
import dev.proxmoxmpc.spi.command.CommandException;
import dev.proxmoxmpc.spi.model.ClusterObject;
import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.GuestKind;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.model.Network;
import dev.proxmoxmpc.spi.model.Node;
import dev.proxmoxmpc.spi.model.Pool;
import dev.proxmoxmpc.spi.model.Storage;
import dev.proxmoxmpc.spi.state.StateKind;
import dev.proxmoxmpc.spi.state.StateStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * What the project knows locally: the desired inventory (what commands change) and the observed one (the server at
 * the last sync). Lookups take the union of both, so a bridge or storage created with a command (desired only) can
 * be used at once, and a node the server reported is known even before the first import.
 *
 * @param desired  the desired inventory
 * @param observed the observed inventory
 */
public record Known(Inventory desired, Inventory observed) {

    /** @return both inventories of a store. */
    public static Known load(StateStore state) {
        return new Known(state.load(StateKind.DESIRED), state.load(StateKind.OBSERVED));
    }

    /** @return the node names, sorted. */
    public List<String> nodeNames() {
        TreeSet<String> out = new TreeSet<>();
        desired.nodes().forEach(n -> out.add(n.name()));
        observed.nodes().forEach(n -> out.add(n.name()));
        return List.copyOf(out);
    }

    /** @return the node (observed preferred, for its capacity). */
    public Optional<Node> node(String name) {
        return observed.nodes().stream().filter(n -> n.name().equals(name)).findFirst()
                .or(() -> desired.nodes().stream().filter(n -> n.name().equals(name)).findFirst());
    }

    /** @return storages by id (desired wins over observed). */
    public Map<String, Storage> storages() {
        Map<String, Storage> out = new LinkedHashMap<>();
        observed.storages().forEach(s -> out.put(s.id(), s));
        desired.storages().forEach(s -> out.put(s.id(), s));
        return out;
    }

    /** @return the interfaces of a node (desired wins over observed). */
    public List<Network> networks(String node) {
        Map<String, Network> out = new LinkedHashMap<>();
        observed.networks().stream().filter(n -> n.node().equals(node)).forEach(n -> out.put(n.iface(), n));
        desired.networks().stream().filter(n -> n.node().equals(node)).forEach(n -> out.put(n.iface(), n));
        return new ArrayList<>(out.values());
    }

    /** @return every network interface, desired wins. */
    public List<Network> allNetworks() {
        Map<String, Network> out = new LinkedHashMap<>();
        observed.networks().forEach(n -> out.put(n.node() + "/" + n.iface(), n));
        desired.networks().forEach(n -> out.put(n.node() + "/" + n.iface(), n));
        return new ArrayList<>(out.values());
    }

    /** @return the bridge names of a node (Linux and OVS bridges), sorted. */
    public List<String> bridges(String node) {
        TreeSet<String> out = new TreeSet<>();
        networks(node).stream().filter(n -> n.bridge() || n.type().equals("OVSBridge")).map(Network::iface).forEach(out::add);
        for (Inventory inv : List.of(desired, observed)) {
            out.addAll(vnets(inv, node));
        }
        return List.copyOf(out);
    }

    /** @return the SDN vnets of an inventory that are bridges on {@code node}: their zone lists no nodes, or it */
    static List<String> vnets(Inventory inv, String node) {
        List<String> out = new ArrayList<>();
        for (ClusterObject vnet : inv.objects("sdn-vnet")) {
            String nodes = inv.object("sdn-zone", "", vnet.value("zone")).map(z -> z.value("nodes")).orElse(null);
            if (nodes != null && (nodes.isBlank() || List.of(nodes.split("[,;\\s]+")).contains(node))) {
                out.add(vnet.id());
            }
        }
        return out;
    }

    /** @return the pool ids, sorted. */
    public List<String> poolIds() {
        TreeSet<String> out = new TreeSet<>();
        desired.pools().stream().map(Pool::id).forEach(out::add);
        observed.pools().stream().map(Pool::id).forEach(out::add);
        return List.copyOf(out);
    }

    /** @return the VMIDs in use in either inventory. */
    public TreeSet<Integer> usedVmids() {
        TreeSet<Integer> out = new TreeSet<>();
        desired.guests().forEach(g -> out.add(g.vmid()));
        observed.guests().forEach(g -> out.add(g.vmid()));
        return out;
    }

    /** @return the VM templates (desired and observed), by VMID. */
    public List<Guest> templates() {
        Map<Integer, Guest> out = new java.util.TreeMap<>();
        observed.vms().stream().filter(Guest::template).forEach(g -> out.put(g.vmid(), g));
        desired.vms().stream().filter(Guest::template).forEach(g -> out.put(g.vmid(), g));
        return new ArrayList<>(out.values());
    }

    /**
     * Finds a desired guest of a kind by VMID or name.
     *
     * @throws CommandException when none or several match
     */
    public Guest desiredGuest(GuestKind kind, String idOrName) {
        return resolve(desired.guests(), kind, idOrName, "in the desired state");
    }

    /** Finds a guest by VMID or name in a list; one line when none or several match. */
    public static Guest resolve(List<Guest> guests, GuestKind kind, String idOrName, String where) {
        String what = kind == GuestKind.VM ? "vm" : "container";
        List<Guest> ofKind = guests.stream().filter(g -> g.kind() == kind).toList();
        if (idOrName.matches("\\d{1,9}")) { // a VMID (100 to 999999999); longer digit strings are no VMID
            int id = Integer.parseInt(idOrName);
            Optional<Guest> byId = ofKind.stream().filter(g -> g.vmid() == id).findFirst();
            if (byId.isPresent()) {
                return byId.get();
            }
        }
        List<Guest> named = ofKind.stream().filter(g -> g.name().equals(idOrName)).toList();
        if (named.size() == 1) {
            return named.get(0);
        }
        if (named.size() > 1) {
            throw new CommandException(named.size() + " " + what + "s are named '" + idOrName + "' (VMIDs "
                    + String.join(", ", named.stream().map(g -> Integer.toString(g.vmid())).toList()) + "); use the VMID");
        }
        throw new CommandException("no " + what + " '" + idOrName + "' " + where + hint(guests, kind, idOrName));
    }

    /**
     * @return {@code ; 'dns-01' is a container}, or {@code ; did you mean old-01?} (a VMID: {@code did you mean 100
     *     (old-01)?}), or where to look
     */
    private static String hint(List<Guest> guests, GuestKind kind, String idOrName) {
        boolean number = idOrName.matches("\\d+");
        Optional<Guest> other = guests.stream().filter(g -> g.kind() != kind)
                .filter(g -> number ? Integer.toString(g.vmid()).equals(idOrName) : g.name().equals(idOrName)).findFirst();
        if (other.isPresent()) {
            return "; '" + idOrName + "' is a " + (other.get().kind() == GuestKind.VM ? "vm" : "container");
        }
        Map<String, Guest> candidates = new LinkedHashMap<>();
        guests.stream().filter(g -> g.kind() == kind).forEach(g -> candidates.put(number ? Integer.toString(g.vmid()) : g.name(), g));
        candidates.remove("");
        return Suggest.closest(idOrName, candidates.keySet())
                .map(s -> "; did you mean " + s + (number && !candidates.get(s).name().isEmpty() ? " (" + candidates.get(s).name() + ")" : "") + "?")
                .orElse("; see list " + (kind == GuestKind.VM ? "vms" : "containers"));
    }
}
