package dev.proxmoxmpc.plugin.monitoring.cost;

import dev.proxmoxmpc.spi.model.Disk;
import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.PowerState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Monthly cost of each guest and of groups of them: the JSON of {@code cost --json}. A running guest pays for its
 * vCPUs, memory and disks (not CD drives, not cloud-init drives); a stopped guest or a template for its disks only (what it holds while it does not run).
 *
 * @param environment the environment priced
 * @param by          what the groups are ({@code pool}, {@code tag} or {@code node})
 * @param total       the sum over guests (groups by tag may count a guest under several tags)
 */
public record CostReport(String environment, String currency, String by, double total, List<GroupCost> groups,
                         List<GuestCost> guests) {
    public CostReport {
        groups = List.copyOf(groups);
        guests = List.copyOf(guests);
    }

    /** One guest's cost. */
    public record GuestCost(int vmid, String name, String node, String pool, List<String> tags, String status,
                            int vcpus, double memoryGiB, long diskGiB, double monthly) {}

    /** One group's cost. */
    public record GroupCost(String key, int guests, double monthly) {}

    /** @return the costs of {@code guests} under {@code model}, grouped {@code by} */
    public static CostReport of(String environment, CostModel model, List<Guest> guests, String by) {
        List<GuestCost> costs = new ArrayList<>();
        for (Guest g : guests) {
            costs.add(cost(model, g));
        }
        Map<String, double[]> groups = new TreeMap<>();
        double total = 0;
        for (GuestCost c : costs) {
            total += c.monthly();
            for (String key : keys(c, by)) {
                double[] s = groups.computeIfAbsent(key, k -> new double[2]);
                s[0]++;
                s[1] += c.monthly();
            }
        }
        List<GroupCost> out = groups.entrySet().stream()
                .map(e -> new GroupCost(e.getKey(), (int) e.getValue()[0], cents(e.getValue()[1]))).toList();
        return new CostReport(environment, model.currency(), by, cents(total), out, costs);
    }

    static GuestCost cost(CostModel model, Guest g) {
        CostModel.Prices p = model.on(g.node());
        int sockets = g.value("sockets").matches("\\d+") ? Integer.parseInt(g.value("sockets")) : 1;
        int vcpus = g.cores() * Math.max(1, sockets);
        double mem = g.memoryMiB() / 1024.0;
        long disk = g.disks().stream().filter(d -> !d.cdrom() && !d.volume().contains("cloudinit")).mapToLong(Disk::sizeGiB).sum();
        boolean running = g.status() == PowerState.RUNNING && !g.template();
        double monthly = disk * p.diskGiB() + (running ? vcpus * p.core() + mem * p.memoryGiB() : 0);
        return new GuestCost(g.vmid(), g.name(), g.node(), g.pool(), g.tags(), g.template() ? "template"
                : g.status().name().toLowerCase(java.util.Locale.ROOT), vcpus, mem, disk, cents(monthly));
    }

    private static List<String> keys(GuestCost c, String by) {
        return switch (by) {
            case "tag" -> c.tags().isEmpty() ? List.of("(no tag)") : c.tags();
            case "node" -> List.of(c.node());
            default -> List.of(c.pool().isEmpty() ? "(no pool)" : c.pool());
        };
    }

    private static double cents(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
