package dev.proxmoxmpc.plugin.sync.plan;

import dev.proxmoxmpc.plugin.sync.compare.FieldChange;
import dev.proxmoxmpc.plugin.sync.compare.Fields;
import dev.proxmoxmpc.plugin.sync.merge.ThreeWayMerge;
import dev.proxmoxmpc.plugin.sync.partial.PartialCluster;
import dev.proxmoxmpc.spi.diag.Diagnostic;
import dev.proxmoxmpc.spi.model.Container;
import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.provider.Change;
import dev.proxmoxmpc.spi.provider.ChangeAction;
import dev.proxmoxmpc.spi.provider.ResourceRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Computes the change set from observed (the server) to desired (local), like {@code terraform plan}. Pure: the
 * only outside input is the environment lookup for container passwords ({@code mpc.password-env}).
 *
 * <p>A guest only in desired is a CREATE (a CLONE when its config has {@code mpc.clone-from}); only on the server,
 * a DELETE; on both, STOP/UPDATE/RESIZE/MIGRATE/START as its fields differ, or a replace (-/+) when the
 * difference cannot be changed in place (VM vs container, container privilege, a template turned back into a VM).
 */
public final class Planner {
    private final Function<String, Optional<String>> env;

    /** @param env looks up environment variables (for {@code mpc.password-env}) */
    public Planner(Function<String, Optional<String>> env) {
        this.env = env;
    }

    /** A planner reading the process environment. */
    public static Planner withSystemEnv() {
        return new Planner(name -> Optional.ofNullable(System.getenv(name)));
    }

    /**
     * Guests on a node that is down or unreachable (and that node's networks) are not planned at all, neither
     * created, changed nor deleted: a warning names them.
     */
    public Plan plan(Inventory desired, Inventory observed) {
        List<Diagnostic> diags = new ArrayList<>();
        PartialCluster.Held held = PartialCluster.of(observed).hold(desired, observed);
        if (!held.warning().isEmpty()) {
            diags.add(Diagnostic.warning(held.warning(), ""));
            desired = held.desired();
            observed = held.observed();
        }
        InfraPlanner infra = new InfraPlanner(desired, observed);
        ObjectPlanner objects = new ObjectPlanner(desired, observed);
        GuestCreates creates = new GuestCreates(observed, env, diags);
        List<PlanItem> updates = new ArrayList<>();
        List<PlanItem> deletes = new ArrayList<>();
        Map<Integer, Guest> want = byVmid(desired.guests());
        Map<Integer, Guest> have = byVmid(observed.guests());
        TreeSet<Integer> ids = new TreeSet<>(want.keySet());
        ids.addAll(have.keySet());
        for (int id : ids) {
            Guest d = want.get(id);
            Guest o = have.get(id);
            if (o == null) {
                creates.add(d, want);
            } else if (d == null) {
                deletes.add(delete(o, diags));
            } else if (needsReplace(o, d)) {
                creates.replace(o, d, want);
            } else {
                String label = ThreeWayMerge.label(d);
                List<FieldChange> fields = Fields.diff(Fields.of(o), Fields.of(d));
                if (!fields.isEmpty()) {
                    List<Change> changes = GuestChanges.update(o, d, label, fields, diags);
                    if (!changes.isEmpty()) {
                        updates.add(new PlanItem(PlanItem.Kind.UPDATE, GuestChanges.ref(o), label, fields, changes));
                    }
                }
            }
        }
        List<PlanItem> items = new ArrayList<>();
        items.addAll(infra.upserts());
        items.addAll(objects.before());
        items.addAll(creates.ordered());
        items.addAll(updates);
        items.addAll(objects.after());
        items.addAll(objects.deletesFirst());
        items.addAll(deletes);
        items.addAll(objects.deletesLast());
        items.addAll(infra.deletes());
        diags.addAll(infra.diagnostics());
        return new Plan(items, diags);
    }

    static boolean needsReplace(Guest o, Guest d) {
        if (o.kind() != d.kind()) {
            return true;
        }
        if (o instanceof Container oc && d instanceof Container dc && oc.unprivileged() != dc.unprivileged()) {
            return true;
        }
        return o.template() && !d.template();
    }

    private static PlanItem delete(Guest o, List<Diagnostic> diags) {
        String label = ThreeWayMerge.label(o);
        Map<String, String> options = new TreeMap<>(Map.of(Change.OPT_PURGE, "1"));
        if (o.protection()) {
            diags.add(Diagnostic.warning("guest is protected: the delete will fail until protection is turned off", label));
        }
        Change c = new Change(ChangeAction.DELETE, GuestChanges.ref(o), Map.of(), List.of(), options, "delete " + label);
        List<FieldChange> fields = Fields.diff(Fields.of(o), Map.of());
        return new PlanItem(PlanItem.Kind.DELETE, GuestChanges.ref(o), label, fields, List.of(c));
    }

    static Map<Integer, Guest> byVmid(List<Guest> guests) {
        Map<Integer, Guest> out = new TreeMap<>();
        guests.forEach(g -> out.put(g.vmid(), g));
        return out;
    }

    /** @return a ref for messages. */
    static ResourceRef ref(Guest g) {
        return GuestChanges.ref(g);
    }
}
