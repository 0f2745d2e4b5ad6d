package dev.proxmoxmpc.plugin.monitoring.top;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code top} shows: each node and guest with its CPU and memory now and its disk and network rates between
 * two samples (bytes per second). The JSON of {@code top --once --json}.
 *
 * @param intervalSeconds the time between the two samples
 * @param sort            the sort key
 * @param nodes           nodes by name
 * @param guests          guests, busiest first by {@code sort}
 */
public record TopSnapshot(double intervalSeconds, String sort, List<NodeLine> nodes, List<GuestLine> guests) {
    public TopSnapshot {
        nodes = List.copyOf(nodes);
        guests = List.copyOf(guests);
    }

    /** A node: CPU as a fraction of its CPUs, memory in bytes, rates summed over its running guests. */
    public record NodeLine(String node, String status, double cpu, int maxcpu, long mem, long maxmem, long netin,
                           long netout, long diskread, long diskwrite, int guests) {}

    /** A guest: CPU as a fraction of its CPUs; rates in bytes per second. */
    public record GuestLine(int vmid, String name, String type, String node, String status, double cpu, int cpus,
                            long mem, long maxmem, long netin, long netout, long diskread, long diskwrite) {}

    /** @return the snapshot of {@code after}, with rates against {@code before}; {@code node} filters when set. */
    public static TopSnapshot of(Sample before, Sample after, String node, String sort) {
        Map<String, Sample.Row> earlier = new HashMap<>();
        before.guests().forEach(r -> earlier.put(r.key(), r));
        double wall = Math.max(1e-3, (after.nanos() - before.nanos()) / 1e9);
        List<GuestLine> guests = new ArrayList<>();
        for (Sample.Row r : after.guests()) {
            if (!node.isEmpty() && !r.node().equals(node)) {
                continue;
            }
            long[] rates = rates(earlier.get(r.key()), r, wall);
            guests.add(new GuestLine(r.vmid(), r.name(), r.type(), r.node(), r.status(), r.cpu(), (int) r.maxcpu(),
                    (long) r.mem(), (long) r.maxmem(), rates[0], rates[1], rates[2], rates[3]));
        }
        guests.sort(order(sort).thenComparing(GuestLine::vmid));
        List<NodeLine> nodes = new ArrayList<>();
        for (Sample.Row n : after.nodes()) {
            if (!node.isEmpty() && !n.node().equals(node)) {
                continue;
            }
            long[] sum = new long[4];
            int count = 0;
            for (GuestLine g : guests) {
                if (g.node().equals(n.node())) {
                    sum[0] += g.netin();
                    sum[1] += g.netout();
                    sum[2] += g.diskread();
                    sum[3] += g.diskwrite();
                    count += g.status().equals("running") ? 1 : 0;
                }
            }
            nodes.add(new NodeLine(n.node(), n.status(), n.cpu(), (int) n.maxcpu(), (long) n.mem(), (long) n.maxmem(),
                    sum[0], sum[1], sum[2], sum[3], count));
        }
        nodes.sort(Comparator.comparing(NodeLine::node));
        return new TopSnapshot(Math.round(wall * 1000) / 1000.0, sort, nodes, guests);
    }

    /**
     * @return bytes per second of each counter: the change over the guest's own uptime change (the server's clock),
     *     or over the wall clock when the uptime did not move; 0 after a restart (a counter that went down)
     */
    static long[] rates(Sample.Row before, Sample.Row after, double wallSeconds) {
        long[] out = new long[4];
        if (before == null || !after.status().equals("running")) {
            return out;
        }
        double dt = after.uptime() - before.uptime();
        if (dt <= 0) {
            dt = wallSeconds;
        }
        for (int i = 0; i < 4; i++) {
            double d = after.counters()[i] - before.counters()[i];
            out[i] = d < 0 ? 0 : Math.round(d / dt);
        }
        return out;
    }

    private static Comparator<GuestLine> order(String sort) {
        Comparator<GuestLine> c = switch (sort) {
            case "mem" -> Comparator.comparingLong(GuestLine::mem);
            case "io" -> Comparator.comparingLong(g -> g.diskread() + g.diskwrite());
            case "net" -> Comparator.comparingLong(g -> g.netin() + g.netout());
            default -> Comparator.comparingDouble(g -> g.cpu() * Math.max(1, g.cpus()));
        };
        return c.reversed();
    }
}
