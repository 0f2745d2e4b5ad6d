package dev.proxmoxmpc.plugin.testing.generate;

import dev.proxmoxmpc.plugin.testing.check.Check;
import dev.proxmoxmpc.plugin.testing.check.TestFile;
import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.model.PropertyString;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** {@code tests/infrastructure.test.yml} and the multi-guest files under {@code tests/integration/}. */
final class ClusterTests {
    private ClusterTests() {}

    static TestFile infrastructure(Thresholds t) {
        return new TestFile(TestPaths.INFRASTRUCTURE, "", 0, List.of(
                Check.of("quorum"),
                Check.of("nodes-online"),
                Check.of("unique-vmids"),
                Check.of("unique-names"),
                Check.of("node-memory", "max_percent", Thresholds.number(t.nodeMemoryMaxPercent())),
                Check.of("node-cpu", "max_vcpus_per_core", Thresholds.number(t.vcpusPerCore())),
                Check.of("storage-usage", "max_percent", Thresholds.number(t.storageMaxPercent()))));
    }

    /** @return anti-affinity checks: one per tag that two or more guests (not templates) carry. */
    static TestFile antiAffinity(Inventory desired) {
        Map<String, List<String>> byTag = new TreeMap<>();
        for (Guest g : desired.guests()) {
            if (!g.template()) {
                g.tags().forEach(tag -> byTag.computeIfAbsent(tag, k -> new ArrayList<>()).add(g.name()));
            }
        }
        List<Check> checks = new ArrayList<>();
        byTag.forEach((tag, guests) -> {
            if (guests.size() >= 2) {
                checks.add(Check.of("anti-affinity", "tag", tag));
            }
        });
        return new TestFile("tests/integration/anti-affinity.test.yml", "", 0, checks);
    }

    /** @return the start-order check over the guests with {@code startup: order=N}, or empty when none has one. */
    static List<TestFile> startOrder(Inventory desired) {
        List<Guest> ordered = desired.guests().stream().filter(g -> order(g) >= 0)
                .sorted(Comparator.comparingInt(ClusterTests::order).thenComparingInt(Guest::vmid)).toList();
        if (ordered.size() < 2) {
            return List.of();
        }
        return List.of(new TestFile("tests/integration/start-order.test.yml", "", 0,
                List.of(Check.of("start-order", "guests", ordered.stream().map(Guest::name).toList()))));
    }

    static int order(Guest g) {
        String v = PropertyString.parse(g.value("startup")).getOrEmpty("order");
        return v.matches("\\d+") ? Integer.parseInt(v) : -1;
    }
}
