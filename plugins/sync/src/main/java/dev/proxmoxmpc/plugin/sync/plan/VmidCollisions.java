package dev.proxmoxmpc.plugin.sync.plan;

import dev.proxmoxmpc.plugin.sync.merge.ThreeWayMerge;
import dev.proxmoxmpc.spi.diag.Diagnostic;
import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.Inventory;
import java.util.ArrayList;
import java.util.List;

/**
 * A guest created locally whose VMID someone else has taken on the server since the last sync: planning it as an
 * update would rewrite their guest. Pure.
 */
public final class VmidCollisions {
    private VmidCollisions() {}

    /** @return one error per desired guest that is new since {@code base} but whose VMID the server already uses. */
    public static List<Diagnostic> check(Inventory base, Inventory desired, Inventory observed) {
        List<Diagnostic> out = new ArrayList<>();
        if (ThreeWayMerge.blank(base)) {
            return out;
        }
        for (Guest d : desired.guests()) {
            if (base.guest(d.vmid()).isEmpty()) {
                observed.guest(d.vmid()).ifPresent(o -> out.add(Diagnostic.error("VMID " + d.vmid() + " was taken on the server by "
                        + ThreeWayMerge.label(o) + " since the last sync; give the new guest another VMID, or run /sync",
                        ThreeWayMerge.label(d))));
            }
        }
        return out;
    }

    /** @return the plan with the collisions added to its diagnostics. */
    public static Plan checked(Plan plan, Inventory base, Inventory desired, Inventory observed) {
        List<Diagnostic> found = check(base, desired, observed);
        if (found.isEmpty()) {
            return plan;
        }
        List<Diagnostic> all = new ArrayList<>(plan.diagnostics());
        all.addAll(found);
        return new Plan(plan.items(), all);
    }
}
