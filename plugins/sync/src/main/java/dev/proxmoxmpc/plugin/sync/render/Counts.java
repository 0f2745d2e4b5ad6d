package dev.proxmoxmpc.plugin.sync.render;

import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.model.PowerState;
import java.util.List;

/**
 * Guest counts of an inventory.
 *
 * @param nodes      nodes
 * @param vms        VMs, templates not included
 * @param containers containers, templates not included
 * @param templates  templates of both kinds
 * @param running    guests running
 * @param stopped    guests not running (templates not included)
 */
public record Counts(int nodes, int vms, int containers, int templates, int running, int stopped) {

    public static Counts of(Inventory inv) {
        return of(inv.nodes().size(), inv.guests());
    }

    public static Counts of(int nodes, List<Guest> guests) {
        List<Guest> live = guests.stream().filter(g -> !g.template()).toList();
        int vms = (int) live.stream().filter(g -> g.kind() == dev.proxmoxmpc.spi.model.GuestKind.VM).count();
        int running = (int) live.stream().filter(g -> g.status() == PowerState.RUNNING).count();
        return new Counts(nodes, vms, live.size() - vms, guests.size() - live.size(), running, live.size() - running);
    }

    /** @return {@code 3 nodes, 12 VMs, 5 containers (2 templates)}. */
    public String sentence() {
        return plural(nodes, "node") + ", " + vms + (vms == 1 ? " VM" : " VMs") + ", " + plural(containers, "container")
                + (templates > 0 ? " (" + plural(templates, "template") + ")" : "");
    }

    public static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
