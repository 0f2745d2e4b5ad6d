package dev.proxmoxmpc.plugin.testing.generate;

import java.util.Map;

/**
 * The limits written into generated checks, from config.yml {@code generators.testing} (defaults in brackets):
 * {@code node_memory_max_percent} [100], {@code vcpus_per_core} [4], {@code storage_max_percent} [85],
 * {@code cpu_p95_max_percent} [90], {@code memory_p95_max_percent} [90], {@code usage_timeframe} [week].
 */
public record Thresholds(double nodeMemoryMaxPercent, double vcpusPerCore, double storageMaxPercent, double cpuP95MaxPercent,
                         double memoryP95MaxPercent, String usageTimeframe) {
    public static final Thresholds DEFAULTS = new Thresholds(100, 4, 85, 90, 90, "week");

    public static Thresholds of(Map<String, Object> options) {
        return new Thresholds(num(options, "node_memory_max_percent", 100), num(options, "vcpus_per_core", 4),
                num(options, "storage_max_percent", 85), num(options, "cpu_p95_max_percent", 90),
                num(options, "memory_p95_max_percent", 90), String.valueOf(options.getOrDefault("usage_timeframe", "week")));
    }

    private static double num(Map<String, Object> options, String key, double dflt) {
        Object v = options.get(key);
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v != null) {
            try {
                return Double.parseDouble(String.valueOf(v).trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("generators.testing." + key + " must be a number, got '" + v + "'");
            }
        }
        return dflt;
    }

    /** @return {@code 85} rather than {@code 85.0} in generated files. */
    static Object number(double d) {
        return d == Math.rint(d) ? (Object) (long) d : (Object) d;
    }
}
