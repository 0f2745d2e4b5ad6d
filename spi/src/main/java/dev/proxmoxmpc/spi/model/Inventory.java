package dev.proxmoxmpc.spi.model;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Everything known about one cluster: observed (from the server), desired (local), or a snapshot of either.
 * Lists are kept in a canonical order (guests by VMID, nodes/storages/pools by id, networks by node then
 * interface), so equal inventories are equal records. Immutable; the {@code with*} methods return copies.
 *
 * @param cluster  the cluster name, or {@code ""} for a single node
 * @param nodes    the nodes
 * @param guests   VMs and containers, templates included
 * @param storages the storage definitions
 * @param networks the node network interfaces
 * @param pools    the resource pools
 * @param objects  every other configuration object (jobs, HA, firewall, SDN, access), by kind, scope and id; since 1.1
 */
@API(status = STABLE, since = "1.0")
public record Inventory(String cluster, List<Node> nodes, List<Guest> guests, List<Storage> storages,
                        List<Network> networks, List<Pool> pools, List<ClusterObject> objects) {

    public Inventory {
        Objects.requireNonNull(cluster, "cluster");
        nodes = sorted(nodes, Comparator.comparing(Node::name));
        guests = sorted(guests, Comparator.comparingInt(Guest::vmid));
        storages = sorted(storages, Comparator.comparing(Storage::id));
        networks = sorted(networks, Comparator.comparing(Network::node).thenComparing(Network::iface));
        pools = sorted(pools, Comparator.comparing(Pool::id));
        objects = sorted(objects == null ? List.of() : objects, Comparator.comparing(ClusterObject::kind)
                .thenComparing(ClusterObject::scope).thenComparing(ClusterObject::id));
        for (int i = 1; i < objects.size(); i++) {
            if (objects.get(i).key().equals(objects.get(i - 1).key())) {
                throw new IllegalArgumentException("two objects share a kind, scope and id: " + objects.get(i).label());
            }
        }
        long distinct = guests.stream().mapToInt(Guest::vmid).distinct().count();
        if (distinct != guests.size()) {
            throw new IllegalArgumentException("two guests share a VMID");
        }
    }

    /** The inventory of 1.0, without other objects. */
    public Inventory(String cluster, List<Node> nodes, List<Guest> guests, List<Storage> storages, List<Network> networks,
                     List<Pool> pools) {
        this(cluster, nodes, guests, storages, networks, pools, List.of());
    }

    /** An inventory with nothing in it. */
    public static Inventory empty() {
        return new Inventory("", List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    private static <T> List<T> sorted(List<T> list, Comparator<T> order) {
        List<T> copy = new ArrayList<>(list);
        copy.forEach(Objects::requireNonNull);
        copy.sort(order);
        return List.copyOf(copy);
    }

    /** @return the guest with this VMID. */
    public Optional<Guest> guest(int vmid) {
        // the guests are sorted by VMID, each once (the constructor makes it so): a binary search, not a scan, since
        // generators look up every guest of 10,000
        int lo = 0;
        int hi = guests.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int id = guests.get(mid).vmid();
            if (id < vmid) {
                lo = mid + 1;
            } else if (id > vmid) {
                hi = mid - 1;
            } else {
                return Optional.of(guests.get(mid));
            }
        }
        return Optional.empty();
    }

    /** @return the guests with this name (names are labels: there can be several). */
    public List<Guest> guestsNamed(String name) {
        return guests.stream().filter(g -> g.name().equals(name)).toList();
    }

    /** @return the VMs, templates included. */
    public List<VirtualMachine> vms() {
        return guests.stream().filter(VirtualMachine.class::isInstance).map(VirtualMachine.class::cast).toList();
    }

    /** @return the containers, templates included. */
    public List<Container> containers() {
        return guests.stream().filter(Container.class::isInstance).map(Container.class::cast).toList();
    }

    /** @return a copy where the guest with the same VMID is replaced, or {@code guest} added. */
    public Inventory withGuest(Guest guest) {
        List<Guest> out = new ArrayList<>(guests);
        out.removeIf(g -> g.vmid() == guest.vmid());
        out.add(guest);
        return new Inventory(cluster, nodes, out, storages, networks, pools, objects);
    }

    /** @return a copy without the guest with this VMID. */
    public Inventory withoutGuest(int vmid) {
        List<Guest> out = new ArrayList<>(guests);
        out.removeIf(g -> g.vmid() == vmid);
        return new Inventory(cluster, nodes, out, storages, networks, pools, objects);
    }

    /** @return a copy with these guests. */
    public Inventory withGuests(List<Guest> newGuests) {
        return new Inventory(cluster, nodes, newGuests, storages, networks, pools, objects);
    }

    /** @return a copy where the network with the same node and interface is replaced or added. */
    public Inventory withNetwork(Network network) {
        List<Network> out = new ArrayList<>(networks);
        out.removeIf(n -> n.node().equals(network.node()) && n.iface().equals(network.iface()));
        out.add(network);
        return new Inventory(cluster, nodes, guests, storages, out, pools, objects);
    }

    /** @return a copy where the storage with the same id is replaced or added. */
    public Inventory withStorage(Storage storage) {
        List<Storage> out = new ArrayList<>(storages);
        out.removeIf(s -> s.id().equals(storage.id()));
        out.add(storage);
        return new Inventory(cluster, nodes, guests, out, networks, pools, objects);
    }

    /** @return a copy where the pool with the same id is replaced or added. */
    public Inventory withPool(Pool pool) {
        List<Pool> out = new ArrayList<>(pools);
        out.removeIf(p -> p.id().equals(pool.id()));
        out.add(pool);
        return new Inventory(cluster, nodes, guests, storages, networks, out, objects);
    }

    /** @return the objects of this kind */
    public List<ClusterObject> objects(String kind) {
        return objects.stream().filter(o -> o.kind().equals(kind)).toList();
    }

    /** @return the object of this kind, scope and id */
    public Optional<ClusterObject> object(String kind, String scope, String id) {
        return objects.stream().filter(o -> o.kind().equals(kind) && o.scope().equals(scope) && o.id().equals(id)).findFirst();
    }

    /** @return a copy with these objects instead of its own */
    public Inventory withObjects(List<ClusterObject> newObjects) {
        return new Inventory(cluster, nodes, guests, storages, networks, pools, newObjects);
    }

    /** @return a copy where the object with the same kind, scope and id is replaced, or {@code object} added */
    public Inventory withObject(ClusterObject object) {
        List<ClusterObject> out = new ArrayList<>(objects);
        out.removeIf(o -> o.key().equals(object.key()));
        out.add(object);
        return withObjects(out);
    }

    /** @return a copy without the objects of these kinds, and with {@code replacement} added */
    public Inventory withKinds(java.util.Collection<String> kinds, List<ClusterObject> replacement) {
        List<ClusterObject> out = new ArrayList<>(objects);
        out.removeIf(o -> kinds.contains(o.kind()));
        out.addAll(replacement);
        return withObjects(out);
    }
}
