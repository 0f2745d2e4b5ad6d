package dev.proxmoxmpc.plugin.sync.merge;

import dev.proxmoxmpc.plugin.sync.compare.Desired;
import dev.proxmoxmpc.plugin.sync.compare.Fields;
import dev.proxmoxmpc.plugin.sync.compare.ObjectKinds;
import dev.proxmoxmpc.spi.model.ClusterObject;
import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.model.Network;
import dev.proxmoxmpc.spi.model.Pool;
import dev.proxmoxmpc.spi.model.Storage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;


/**
 * Merges base (last agreed), local (desired) and server (observed) into the new desired inventory, resource by
 * resource and field by field. Nodes and the cluster name come from the server. Desired-only {@code mpc.*} keys
 * stay from local; read-only noise keys follow the server. Pure.
 */
public final class ThreeWayMerge {
    private final ConflictResolver resolver;

    public ThreeWayMerge(ConflictResolver resolver) {
        this.resolver = resolver;
    }

    public MergeResult merge(Inventory base, Inventory local, Inventory server) {
        if (blank(base) && blank(local)) {
            return new MergeResult(Desired.fromObserved(server), List.of());
        }
        List<Conflict> conflicts = new ArrayList<>();
        KeyedMerge<Integer, Guest> guests = new KeyedMerge<>(Fields::of, GuestBuilder::build, ThreeWayMerge::label, resolver);
        List<Guest> g = guests.merge(byKey(base.guests(), Guest::vmid), byKey(local.guests(), Guest::vmid),
                byKey(server.guests(), Guest::vmid));
        conflicts.addAll(guests.conflicts());
        KeyedMerge<String, Storage> storages = new KeyedMerge<>(Fields::of,
                (shape, f) -> new Storage(shape.any().id(), f.getOrDefault(Fields.TYPE, shape.any().type()), without(f, Fields.TYPE)),
                s -> "storage/" + s.id(), resolver);
        List<Storage> st = storages.merge(byKey(base.storages(), Storage::id), byKey(local.storages(), Storage::id),
                byKey(server.storages(), Storage::id));
        conflicts.addAll(storages.conflicts());
        KeyedMerge<String, Network> networks = new KeyedMerge<>(Fields::of,
                (shape, f) -> new Network(shape.any().node(), shape.any().iface(), f.getOrDefault(Fields.TYPE, shape.any().type()),
                        without(f, Fields.TYPE)),
                n -> "network/" + n.node() + "/" + n.iface(), resolver);
        Function<Network, String> netKey = n -> n.node() + "/" + n.iface();
        List<Network> nw = networks.merge(byKey(base.networks(), netKey), byKey(local.networks(), netKey),
                byKey(server.networks(), netKey));
        conflicts.addAll(networks.conflicts());
        KeyedMerge<String, Pool> pools = new KeyedMerge<>(Fields::of,
                (shape, f) -> new Pool(shape.any().id(), f.getOrDefault(Fields.COMMENT, "")), p -> "pool/" + p.id(), resolver);
        List<Pool> pl = pools.merge(byKey(base.pools(), Pool::id), byKey(local.pools(), Pool::id), byKey(server.pools(), Pool::id));
        conflicts.addAll(pools.conflicts());
        KeyedMerge<String, ClusterObject> objects = new KeyedMerge<>(Fields::of,
                (shape, f) -> shape.any().withConfig(f), ClusterObject::label, resolver);
        Set<String> unread = ObjectKinds.unread(server);
        List<ClusterObject> ob = new ArrayList<>(objects.merge(
                byKey(ObjectKinds.plannable(base, unread), ClusterObject::key),
                byKey(ObjectKinds.plannable(local, unread), ClusterObject::key),
                byKey(ObjectKinds.plannable(server, unread), ClusterObject::key)));
        conflicts.addAll(objects.conflicts());
        // facts follow the server; kinds the server would not show keep what the project had
        server.objects().stream().filter(ClusterObject::readOnly).forEach(ob::add);
        local.objects().stream().filter(o -> !o.readOnly() && unread.contains(o.kind())).forEach(ob::add);
        Inventory desired = new Inventory(server.cluster(), server.nodes(), g, st, nw, pl, ob);
        return new MergeResult(desired, conflicts);
    }

    /** @return {@code vm/101 web-01}. */
    public static String label(Guest g) {
        String kind = g.kind() == dev.proxmoxmpc.spi.model.GuestKind.VM ? "vm" : "ct";
        return kind + "/" + g.vmid() + (g.name().isEmpty() ? "" : " " + g.name());
    }

    /** @return whether an inventory holds no guests, storages, networks or pools (nodes alone do not count). */
    public static boolean blank(Inventory inv) {
        return inv.guests().isEmpty() && inv.storages().isEmpty() && inv.networks().isEmpty() && inv.pools().isEmpty()
                && inv.objects().stream().allMatch(ClusterObject::readOnly);
    }

    private static Map<String, String> without(Map<String, String> f, String key) {
        Map<String, String> copy = new TreeMap<>(f);
        copy.remove(key);
        return copy;
    }

    private static <K extends Comparable<K>, T> Map<K, T> byKey(List<T> list, Function<T, K> key) {
        Map<K, T> out = new TreeMap<>();
        list.forEach(t -> out.put(key.apply(t), t));
        return out;
    }
}
