package dev.proxmoxmpc.plugin.sync.plan;

import dev.proxmoxmpc.plugin.sync.compare.FieldChange;
import dev.proxmoxmpc.plugin.sync.compare.Fields;
import dev.proxmoxmpc.spi.diag.Diagnostic;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.model.Network;
import dev.proxmoxmpc.spi.model.Pool;
import dev.proxmoxmpc.spi.model.Storage;
import dev.proxmoxmpc.spi.provider.Change;
import dev.proxmoxmpc.spi.provider.ChangeAction;
import dev.proxmoxmpc.spi.provider.ResourceRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Plans pools, storage definitions and network interfaces. Creates and updates run before guests (in that order),
 * deletes after them (in the reverse order). Physical interfaces are never deleted; a storage type cannot change.
 */
final class InfraPlanner {
    /** Interface types a plan may create or delete; physical ports are left alone. */
    static final Set<String> VIRTUAL_NETWORKS = Set.of("bridge", "vlan", "bond", "OVSBridge", "OVSBond", "OVSIntPort");

    private final List<PlanItem> upserts = new ArrayList<>();
    private final List<PlanItem> deletes = new ArrayList<>();
    private final List<Diagnostic> diagnostics = new ArrayList<>();

    InfraPlanner(Inventory desired, Inventory observed) {
        plan(desired.pools(), observed.pools(), Pool::id, Fields::of, p -> new ResourceRef(ResourceRef.Type.POOL, "", p.id()),
                p -> "pool/" + p.id(), p -> true);
        plan(desired.storages(), observed.storages(), Storage::id, Fields::of,
                s -> new ResourceRef(ResourceRef.Type.STORAGE, "", s.id()), s -> "storage/" + s.id(), s -> true);
        plan(desired.networks(), observed.networks(), n -> n.node() + "/" + n.iface(), Fields::of,
                n -> new ResourceRef(ResourceRef.Type.NETWORK, n.node(), n.iface()), n -> "network/" + n.node() + "/" + n.iface(),
                n -> VIRTUAL_NETWORKS.contains(n.type()));
        java.util.Collections.reverse(deletes);
    }

    List<PlanItem> upserts() {
        return upserts;
    }

    List<PlanItem> deletes() {
        return deletes;
    }

    List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    private <T> void plan(List<T> desired, List<T> observed, Function<T, String> key, Function<T, Map<String, String>> fields,
                          Function<T, ResourceRef> ref, Function<T, String> label, Function<T, Boolean> managed) {
        Map<String, T> want = index(desired, key);
        Map<String, T> have = index(observed, key);
        TreeSet<String> keys = new TreeSet<>(want.keySet());
        keys.addAll(have.keySet());
        List<PlanItem> deletesHere = new ArrayList<>();
        for (String k : keys) {
            T d = want.get(k);
            T o = have.get(k);
            if (o == null) {
                if (!managed.apply(d)) {
                    diagnostics.add(Diagnostic.warning("cannot create a physical interface; skipped", label.apply(d)));
                    continue;
                }
                Map<String, String> f = fields.apply(d);
                upserts.add(new PlanItem(PlanItem.Kind.CREATE, ref.apply(d), label.apply(d), Fields.diff(Map.of(), f),
                        List.of(new Change(ChangeAction.CREATE, ref.apply(d), f, List.of(), Map.of(), "create " + label.apply(d)))));
            } else if (d == null) {
                if (managed.apply(o)) {
                    deletesHere.add(new PlanItem(PlanItem.Kind.DELETE, ref.apply(o), label.apply(o), Fields.diff(fields.apply(o), Map.of()),
                            List.of(Change.of(ChangeAction.DELETE, ref.apply(o), "delete " + label.apply(o)))));
                }
            } else {
                update(o, d, fields, ref, label);
            }
        }
        deletes.addAll(deletesHere);
    }

    private <T> void update(T o, T d, Function<T, Map<String, String>> fields, Function<T, ResourceRef> ref,
                            Function<T, String> label) {
        List<FieldChange> diff = Fields.diff(fields.apply(o), fields.apply(d));
        if (diff.isEmpty()) {
            return;
        }
        Map<String, String> settings = new TreeMap<>();
        List<String> deletions = new ArrayList<>();
        for (FieldChange f : diff) {
            if (f.field().equals(Fields.TYPE)) {
                diagnostics.add(Diagnostic.error("type cannot change (" + f.before() + " -> " + f.after()
                        + "); delete it and create a new one", label.apply(d)));
                return;
            }
            if (f.after().isEmpty()) {
                deletions.add(f.field());
            } else {
                settings.put(f.field(), f.after());
            }
        }
        if (ref.apply(d).type() == ResourceRef.Type.NETWORK) {
            settings.put(Fields.TYPE, fields.apply(d).get(Fields.TYPE));
        }
        String what = String.join(", ", diff.stream().map(FieldChange::describe).toList());
        upserts.add(new PlanItem(PlanItem.Kind.UPDATE, ref.apply(o), label.apply(o), diff,
                List.of(new Change(ChangeAction.UPDATE, ref.apply(o), settings, deletions, Map.of(), "update " + label.apply(o) + ": " + what))));
    }

    private static <T> Map<String, T> index(List<T> list, Function<T, String> key) {
        Map<String, T> out = new TreeMap<>();
        list.forEach(t -> out.put(key.apply(t), t));
        return out;
    }
}
