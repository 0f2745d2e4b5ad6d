package dev.proxmoxmpc.plugin.resources.state;

import dev.proxmoxmpc.spi.model.Disk;
import dev.proxmoxmpc.spi.model.Guest;
import java.util.ArrayList;
import java.util.List;

/** What depends on a guest, for the confirmation of a delete: clones, pool membership, protection, power state. */
public final class Dependents {
    private Dependents() {}

    /** @return one line per dependency, empty when nothing depends on it. */
    public static List<String> of(Guest g, Known known) {
        List<String> out = new ArrayList<>();
        String id = Integer.toString(g.vmid());
        for (Guest d : known.desired().guests()) {
            if (d.vmid() != g.vmid() && d.value("mpc.clone-from").equals(id)) {
                boolean onServer = known.observed().guest(d.vmid()).isPresent();
                out.add((onServer ? "cloned from it: " : "to be cloned from it by /apply: ") + label(d)
                        + (onServer ? "" : " (its create will fail without the source)"));
            }
        }
        for (Guest o : known.observed().guests()) {
            if (o.vmid() != g.vmid() && usesBaseDisk(o, g.vmid()) && out.stream().noneMatch(l -> l.contains(label(o)))) {
                out.add("linked clone on the server: " + label(o) + " (Proxmox VE refuses to delete a template its linked clones use)");
            }
        }
        if (!g.pool().isEmpty()) {
            out.add("member of pool " + g.pool());
        }
        if (g.protection()) {
            out.add("protected (protection=1)");
        }
        boolean onServer = known.observed().guest(g.vmid()).isPresent();
        if (!onServer) {
            out.add("not on the server yet: only the desired entry goes");
        } else if (known.observed().guest(g.vmid()).get().status() == dev.proxmoxmpc.spi.model.PowerState.RUNNING) {
            out.add("running: /apply stops it before destroying it");
        }
        return out;
    }

    /** @return whether a guest's disks are linked to the base volumes of template {@code vmid}. */
    static boolean usesBaseDisk(Guest g, int vmid) {
        String base = "base-" + vmid + "-disk-";
        return g.disks().stream().map(Disk::volume).anyMatch(v -> v.contains(base));
    }

    public static String label(Guest g) {
        return g.vmid() + (g.name().isEmpty() ? "" : " " + g.name());
    }
}
