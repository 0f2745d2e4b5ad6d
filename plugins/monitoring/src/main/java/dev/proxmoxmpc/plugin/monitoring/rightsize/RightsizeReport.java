package dev.proxmoxmpc.plugin.monitoring.rightsize;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON of {@code rightsize --json}.
 *
 * @param since     the window ({@code 7d})
 * @param timeframe the RRD timeframe read ({@code week})
 * @param guests    one recommendation per running guest, by VMID
 * @param nodes     per node: cores and MiB the recommendations would free (negative: they need more)
 */
public record RightsizeReport(String since, String timeframe, double headroom, List<Recommendation> guests,
                              List<NodeFrees> nodes) {
    public RightsizeReport {
        guests = List.copyOf(guests);
        nodes = List.copyOf(nodes);
    }

    /** What a node would get back. */
    public record NodeFrees(String node, int cores, long memoryMiB) {}

    /** @return the report, with the per-node sums of {@code guests} */
    public static RightsizeReport of(String since, String timeframe, double headroom, List<Recommendation> guests) {
        Map<String, long[]> sums = new TreeMap<>();
        for (Recommendation r : guests) {
            long[] s = sums.computeIfAbsent(r.node(), k -> new long[2]);
            s[0] += r.cores() - r.recommendedCores();
            s[1] += r.memoryMiB() - r.recommendedMemoryMiB();
        }
        List<NodeFrees> nodes = sums.entrySet().stream()
                .map(e -> new NodeFrees(e.getKey(), (int) e.getValue()[0], e.getValue()[1])).toList();
        return new RightsizeReport(since, timeframe, headroom, guests, nodes);
    }
}
