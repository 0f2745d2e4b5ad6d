package dev.proxmoxmpc.plugin.testing.generate;

import dev.proxmoxmpc.plugin.testing.check.Check;
import dev.proxmoxmpc.plugin.testing.check.TestFile;
import dev.proxmoxmpc.spi.model.Guest;

/** {@code tests/performance/<name>.test.yml}: CPU and memory p95 over the guest's RRD data (cf=MAX), warnings. */
final class PerformanceTests {
    private PerformanceTests() {}

    static TestFile of(Guest g, String path, Thresholds t) {
        return new TestFile(path, g.name(), g.vmid(), java.util.List.of(
                Check.of("usage", "metric", "cpu", "percentile", 95L, "max_percent", Thresholds.number(t.cpuP95MaxPercent()),
                        "timeframe", t.usageTimeframe()),
                Check.of("usage", "metric", "memory", "percentile", 95L, "max_percent", Thresholds.number(t.memoryP95MaxPercent()),
                        "timeframe", t.usageTimeframe())));
    }
}
