package dev.proxmoxmpc.plugin.testing.check;

import dev.proxmoxmpc.spi.diag.Severity;
import java.util.List;
import java.util.Map;

/** The check types a test file may use, with their default severities and the phases they run in. */
public final class CheckTypes {
    /** Every type with its default severity: what the desired state declares is an error, health signals warn. */
    public static final Map<String, Severity> DEFAULTS = Map.ofEntries(
            Map.entry("exists", Severity.ERROR), Map.entry("config", Severity.ERROR), Map.entry("power", Severity.ERROR),
            Map.entry("storage", Severity.ERROR), Map.entry("bridge", Severity.ERROR), Map.entry("agent", Severity.WARNING),
            Map.entry("quorum", Severity.ERROR), Map.entry("nodes-online", Severity.ERROR),
            Map.entry("unique-vmids", Severity.ERROR), Map.entry("unique-names", Severity.ERROR),
            Map.entry("node-memory", Severity.ERROR), Map.entry("node-cpu", Severity.WARNING),
            Map.entry("storage-usage", Severity.WARNING), Map.entry("tcp", Severity.WARNING),
            Map.entry("anti-affinity", Severity.WARNING), Map.entry("start-order", Severity.ERROR),
            Map.entry("usage", Severity.WARNING));
    /** The types in documentation order. */
    public static final List<String> ALL = List.of("exists", "config", "power", "storage", "bridge", "agent", "quorum",
            "nodes-online", "unique-vmids", "unique-names", "node-memory", "node-cpu", "storage-usage", "tcp", "anti-affinity",
            "start-order", "usage");
    /** Types that also run in the plan phase, over the desired state. */
    public static final List<String> PLAN = List.of("storage", "bridge", "unique-names", "unique-vmids", "node-memory",
            "node-cpu", "anti-affinity", "start-order");

    private CheckTypes() {}

    public static Severity defaultSeverity(String type) {
        return DEFAULTS.getOrDefault(type, Severity.ERROR);
    }
}
