package dev.proxmoxmpc.plugin.sync.plan;

import dev.proxmoxmpc.plugin.sync.compare.FieldChange;
import dev.proxmoxmpc.plugin.sync.compare.Fields;
import dev.proxmoxmpc.plugin.sync.compare.ObjectKinds;
import dev.proxmoxmpc.spi.model.ClusterObject;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.provider.Change;
import dev.proxmoxmpc.spi.provider.ChangeAction;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Plans {@link ClusterObject}s: created and updated in {@link ObjectKinds} order, deleted in the reverse order; kinds
 * that refer to guests after the guests' creates and before their deletes. An update carries the whole desired
 * object as its settings (PVE's updates of rules and jobs want their type and neighbours, and a provider can send
 * just what differs), the removed keys as deletions, and names only the changed fields. Read-only facts and kinds
 * the server could not show are never planned. Pure.
 */
final class ObjectPlanner {
    private final List<PlanItem> before = new ArrayList<>();
    private final List<PlanItem> after = new ArrayList<>();
    private final List<PlanItem> deletesFirst = new ArrayList<>();
    private final List<PlanItem> deletesLast = new ArrayList<>();

    ObjectPlanner(Inventory desired, Inventory observed) {
        Set<String> unread = ObjectKinds.unread(observed);
        Map<String, ClusterObject> want = index(ObjectKinds.plannable(desired, unread));
        Map<String, ClusterObject> have = index(ObjectKinds.plannable(observed, unread));
        Comparator<ClusterObject> order = Comparator.comparingInt(ObjectKinds::rank).thenComparing(ClusterObject::key);
        List<ClusterObject> upserts = new ArrayList<>(want.values());
        upserts.sort(order);
        for (ClusterObject d : upserts) {
            ClusterObject o = have.get(d.key());
            PlanItem item = o == null ? create(d) : update(o, d);
            if (item != null) {
                (ObjectKinds.afterGuests(d) ? after : before).add(item);
            }
        }
        List<ClusterObject> gone = new ArrayList<>(have.values());
        gone.removeIf(o -> want.containsKey(o.key()));
        gone.sort(order.reversed());
        for (ClusterObject o : gone) {
            (ObjectKinds.afterGuests(o) ? deletesFirst : deletesLast).add(delete(o));
        }
    }

    /** @return creates and updates that run before the guests' */
    List<PlanItem> before() {
        return before;
    }

    /** @return creates and updates that run after the guests' */
    List<PlanItem> after() {
        return after;
    }

    /** @return deletes that run before the guests' deletes */
    List<PlanItem> deletesFirst() {
        return deletesFirst;
    }

    /** @return deletes that run after the guests' deletes */
    List<PlanItem> deletesLast() {
        return deletesLast;
    }

    private static PlanItem create(ClusterObject d) {
        Map<String, String> f = Fields.of(d);
        return new PlanItem(PlanItem.Kind.CREATE, d.ref(), d.label(), Fields.diff(Map.of(), f),
                List.of(new Change(ChangeAction.CREATE, d.ref(), f, List.of(), Map.of(), "create " + d.label())));
    }

    private static PlanItem update(ClusterObject o, ClusterObject d) {
        List<FieldChange> diff = Fields.diff(Fields.of(o), Fields.of(d));
        if (diff.isEmpty()) {
            return null;
        }
        Set<String> removed = new TreeSet<>(Fields.of(o).keySet());
        removed.removeAll(Fields.of(d).keySet());
        String what = String.join(", ", diff.stream().map(FieldChange::describe).toList());
        Map<String, String> options = new TreeMap<>();
        if (!o.value("digest").isEmpty()) {
            options.put(Change.OPT_DIGEST, o.value("digest"));
        }
        return new PlanItem(PlanItem.Kind.UPDATE, o.ref(), o.label(), diff, List.of(new Change(ChangeAction.UPDATE, o.ref(),
                Fields.of(d), List.copyOf(removed), options, "update " + o.label() + ": " + what)));
    }

    private static PlanItem delete(ClusterObject o) {
        return new PlanItem(PlanItem.Kind.DELETE, o.ref(), o.label(), Fields.diff(Fields.of(o), Map.of()),
                List.of(Change.of(ChangeAction.DELETE, o.ref(), "delete " + o.label())));
    }

    private static Map<String, ClusterObject> index(List<ClusterObject> list) {
        Map<String, ClusterObject> out = new TreeMap<>();
        list.forEach(o -> out.put(o.key(), o));
        return out;
    }
}
