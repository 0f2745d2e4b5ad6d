package dev.proxmoxmpc.plugin.sync.drift;

import dev.proxmoxmpc.plugin.sync.compare.FieldChange;
import dev.proxmoxmpc.plugin.sync.compare.Fields;
import dev.proxmoxmpc.plugin.sync.compare.ObjectKinds;
import dev.proxmoxmpc.plugin.sync.merge.ThreeWayMerge;
import dev.proxmoxmpc.spi.model.ClusterObject;
import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.model.Network;
import dev.proxmoxmpc.spi.model.Storage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/** Finds what the server changed since the base, ignoring noise (tag order, read-only keys, runtime facts). Pure. */
public final class DriftDetector {
    private DriftDetector() {}

    /** @return the drifted resources, guests first by VMID; empty when there is no base yet (first import). */
    public static List<Drift> detect(Inventory base, Inventory observed) {
        if (ThreeWayMerge.blank(base)) {
            return List.of();
        }
        List<Drift> out = new ArrayList<>();
        compare(out, base.guests(), observed.guests(), Guest::vmid, ThreeWayMerge::label, Fields::of, Guest::vmid);
        compare(out, base.storages(), observed.storages(), Storage::id, s -> "storage/" + s.id(), Fields::of, s -> 0);
        compare(out, base.networks(), observed.networks(), n -> n.node() + "/" + n.iface(),
                n -> "network/" + n.node() + "/" + n.iface(), Fields::of, n -> 0);
        java.util.Set<String> unread = ObjectKinds.unread(observed); // what the server did not show is not drift
        compare(out, ObjectKinds.plannable(base, unread), ObjectKinds.plannable(observed, unread), ClusterObject::key,
                ClusterObject::label, Fields::of, o -> 0);
        return out;
    }

    private static <K extends Comparable<K>, T> void compare(List<Drift> out, List<T> base, List<T> observed,
            Function<T, K> key, Function<T, String> label, Function<T, Map<String, String>> fields, Function<T, Integer> vmid) {
        Map<K, T> b = new TreeMap<>();
        base.forEach(t -> b.put(key.apply(t), t));
        Map<K, T> o = new TreeMap<>();
        observed.forEach(t -> o.put(key.apply(t), t));
        TreeSet<K> keys = new TreeSet<>(b.keySet());
        keys.addAll(o.keySet());
        for (K k : keys) {
            T was = b.get(k);
            T now = o.get(k);
            if (was == null) {
                out.add(new Drift(label.apply(now), vmid.apply(now), Drift.Kind.CREATED, List.of(), Optional.empty()));
            } else if (now == null) {
                out.add(new Drift(label.apply(was), vmid.apply(was), Drift.Kind.DELETED, List.of(), Optional.empty()));
            } else {
                List<FieldChange> changes = Fields.diff(fields.apply(was), fields.apply(now));
                if (!changes.isEmpty()) {
                    out.add(new Drift(label.apply(now), vmid.apply(now), Drift.Kind.CHANGED, changes, Optional.empty()));
                }
            }
        }
    }
}
