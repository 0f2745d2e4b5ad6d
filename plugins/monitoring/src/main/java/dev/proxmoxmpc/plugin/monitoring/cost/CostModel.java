package dev.proxmoxmpc.plugin.monitoring.cost;

import dev.proxmoxmpc.plugin.monitoring.settings.Settings;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Monthly prices from {@code generators.monitoring.cost} in config.yml: per vCPU, per GiB of memory and per GiB of
 * disk, with optional node classes whose nodes have their own prices.
 *
 * <pre>
 * generators:
 *   monitoring:
 *     cost:
 *       currency: EUR
 *       core_month: 8
 *       memory_gib_month: 2.5
 *       disk_gib_month: 0.05
 *       node_classes:
 *         large: {nodes: [pve1, pve2], core_month: 10}
 * </pre>
 */
public record CostModel(String currency, Prices prices, Map<String, Prices> byNode) {
    public CostModel {
        byNode = Map.copyOf(byNode);
    }

    /** Prices per month. */
    public record Prices(double core, double memoryGiB, double diskGiB) {}

    /** @return the model, or empty when config.yml has none */
    public static Optional<CostModel> from(Settings monitoring) {
        if (!monitoring.has("cost")) {
            return Optional.empty();
        }
        Settings cost = monitoring.section("cost");
        Prices base = prices(cost, new Prices(0, 0, 0));
        Map<String, Prices> byNode = new HashMap<>();
        Settings classes = cost.section("node_classes");
        for (String name : classes.keys()) {
            Settings c = classes.section(name);
            Prices p = prices(c, base);
            for (String node : nodes(c)) {
                if (byNode.put(node, p) != null) {
                    throw new IllegalArgumentException(classes.path() + ": node " + node + " is in two classes");
                }
            }
        }
        return Optional.of(new CostModel(cost.text("currency", ""), base, byNode));
    }

    /** @return the prices on a node (its class's, else the base ones) */
    public Prices on(String node) {
        return byNode.getOrDefault(node, prices);
    }

    private static Prices prices(Settings s, Prices dflt) {
        return new Prices(s.number("core_month", dflt.core()), s.number("memory_gib_month", dflt.memoryGiB()),
                s.number("disk_gib_month", dflt.diskGiB()));
    }

    private static List<String> nodes(Settings c) {
        String text = c.text("nodes", "");
        return text.replaceAll("[\\[\\]]", " ").trim().isEmpty() ? List.of()
                : List.of(text.replaceAll("[\\[\\]]", " ").trim().split("\\s*,\\s*|\\s+"));
    }
}
