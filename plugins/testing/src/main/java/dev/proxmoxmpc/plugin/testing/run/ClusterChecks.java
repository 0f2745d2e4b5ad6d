package dev.proxmoxmpc.plugin.testing.run;

import dev.proxmoxmpc.plugin.testing.check.Check;
import dev.proxmoxmpc.plugin.testing.check.NodeLoad;
import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.model.Node;
import dev.proxmoxmpc.spi.provider.ApiData;
import dev.proxmoxmpc.spi.provider.ProviderException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Cluster-wide checks: quorum, nodes-online, unique-vmids, unique-names, node-memory, node-cpu, storage-usage. */
final class ClusterChecks {
    private ClusterChecks() {}

    static List<Result> run(Check c, Outcomes out, RunContext ctx) {
        Inventory inv = ctx.subject();
        return switch (c.type()) {
            case "quorum" -> List.of(quorum(out, ctx));
            case "nodes-online" -> nodesOnline(out, ctx);
            case "unique-vmids" -> uniqueVmids(out, ctx);
            case "unique-names" -> uniqueNames(out, inv);
            case "node-memory" -> nodeMemory(c, out, ctx);
            case "node-cpu" -> nodeCpu(c, out, ctx);
            case "storage-usage" -> storageUsage(c, out, ctx);
            default -> throw new IllegalArgumentException("not a cluster check: " + c.type());
        };
    }

    private static Result quorum(Outcomes out, RunContext ctx) {
        try {
            for (Map<String, Object> row : ctx.server().read("/cluster/status", Map.of()).rows()) {
                if (ApiData.string(row, "type").equals("cluster")) {
                    return ApiData.number(row, "quorate", 0) == 1 ? out.pass("cluster", "quorum")
                            : out.fail("cluster", "quorum", "quorate", "not quorate");
                }
            }
            return out.pass("cluster", "quorum");
        } catch (ProviderException e) {
            return out.skip("cluster", "quorum", e);
        }
    }

    private static List<Result> nodesOnline(Outcomes out, RunContext ctx) {
        List<Result> results = new ArrayList<>();
        for (Node n : ctx.observed().nodes()) {
            results.add(n.online() ? out.pass("node " + n.name(), "status") : out.fail("node " + n.name(), "status", "online", n.status()));
        }
        return results;
    }

    /** A desired guest whose VMID the server uses for a guest of the other kind (a VM where a container is wanted). */
    private static List<Result> uniqueVmids(Outcomes out, RunContext ctx) {
        List<Result> results = new ArrayList<>();
        for (Guest d : ctx.desired().guests()) {
            ctx.observed().guest(d.vmid()).filter(o -> o.kind() != d.kind()).ifPresent(o -> results.add(out.fail("vmid " + d.vmid(), "",
                    kind(d) + " " + label(d), kind(o) + " " + label(o) + " on the server")));
        }
        return results.isEmpty() ? List.of(out.pass("cluster", "unique VMIDs")) : results;
    }

    private static String kind(Guest g) {
        return g.kind().name().toLowerCase(Locale.ROOT);
    }

    private static List<Result> uniqueNames(Outcomes out, Inventory inv) {
        Map<String, List<Integer>> byName = new TreeMap<>();
        inv.guests().stream().filter(g -> !g.name().isEmpty())
                .forEach(g -> byName.computeIfAbsent(g.name(), k -> new ArrayList<>()).add(g.vmid()));
        List<Result> results = new ArrayList<>();
        byName.forEach((name, ids) -> {
            if (ids.size() > 1) {
                results.add(out.fail(name, "name", "unique", "used by VMIDs " + ids.stream().map(String::valueOf).collect(Collectors.joining(", "))));
            }
        });
        return results.isEmpty() ? List.of(out.pass("cluster", "unique names")) : results;
    }

    private static List<Result> nodeMemory(Check c, Outcomes out, RunContext ctx) {
        double limit = c.number("max_percent", 100);
        List<Result> results = new ArrayList<>();
        for (NodeLoad l : NodeLoad.of(ctx.subject(), ctx.nodes())) {
            String target = "node " + l.node();
            if (l.maxMemory() <= 0) {
                results.add(out.skip(target, "memory", "the node's memory is not known"));
                continue;
            }
            long max = (long) (l.maxMemory() * limit / 100);
            results.add(l.memory() <= max ? out.pass(target, "memory")
                    : out.fail(target, "memory", "at most " + NodeLoad.gib(max), NodeLoad.gib(l.memory()) + " for running guests"));
        }
        return results;
    }

    private static List<Result> nodeCpu(Check c, Outcomes out, RunContext ctx) {
        double limit = c.number("max_vcpus_per_core", 4);
        List<Result> results = new ArrayList<>();
        for (NodeLoad l : NodeLoad.of(ctx.subject(), ctx.nodes())) {
            String target = "node " + l.node();
            if (l.maxCpu() <= 0) {
                results.add(out.skip(target, "vcpus", "the node's CPU count is not known"));
                continue;
            }
            long max = (long) Math.floor(limit * l.maxCpu());
            results.add(l.vcpus() <= max ? out.pass(target, "vcpus") : out.fail(target, "vcpus", "at most " + max, Integer.toString(l.vcpus())));
        }
        return results;
    }

    private static List<Result> storageUsage(Check c, Outcomes out, RunContext ctx) {
        double limit = c.number("max_percent", 85);
        List<Map<String, Object>> rows;
        try {
            rows = ctx.server().read("/cluster/resources", Map.of("type", "storage")).rows();
        } catch (ProviderException e) {
            return List.of(out.skip("cluster", "storage usage", e));
        }
        List<Result> results = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            String target = "storage " + ApiData.string(row, "storage") + "@" + ApiData.string(row, "node");
            double max = ApiData.number(row, "maxdisk", 0);
            if (!ApiData.string(row, "status").equals("available") || max <= 0) {
                results.add(out.skip(target, "usage", "the storage is " + (max <= 0 ? "not reporting its size" : ApiData.string(row, "status"))));
                continue;
            }
            double pct = ApiData.number(row, "disk", 0) / max * 100;
            results.add(pct <= limit ? out.pass(target, "usage")
                    : out.fail(target, "usage", "at most " + fmt(limit) + " %", fmt(pct) + " %"));
        }
        return results;
    }

    static String fmt(double d) {
        return String.format(Locale.ROOT, "%.1f", d).replaceAll("\\.0$", "");
    }

    static String label(Guest g) {
        return g.name().isEmpty() ? "vm/" + g.vmid() : g.name();
    }
}
