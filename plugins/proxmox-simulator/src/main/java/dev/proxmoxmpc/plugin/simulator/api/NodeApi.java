package dev.proxmoxmpc.plugin.simulator.api;

import dev.proxmoxmpc.plugin.simulator.http.ApiRequest;
import dev.proxmoxmpc.plugin.simulator.http.Router;
import dev.proxmoxmpc.plugin.simulator.state.Cluster;
import dev.proxmoxmpc.plugin.simulator.state.NodeState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code /nodes} and {@code /nodes/{node}/status}; the network is {@link NetworkApi}'s. */
public final class NodeApi {
    private final Cluster cluster;

    public NodeApi(Cluster cluster) {
        this.cluster = cluster;
    }

    public void register(Router r) {
        r.get("/nodes", this::list);
        r.get("/nodes/{node}/status", this::status);
    }

    private Object list(ApiRequest req) {
        List<Object> out = new ArrayList<>();
        cluster.nodes.values().forEach(n -> out.add(NodeViews.listEntry(cluster, n)));
        return out;
    }

    private Object status(ApiRequest req) {
        NodeState n = cluster.node(req.node());
        Map<String, Object> usage = new LinkedHashMap<>();
        NodeViews.usage(cluster, n, usage);
        long mem = (long) usage.get("mem");
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("uptime", usage.get("uptime"));
        m.put("cpu", usage.get("cpu"));
        m.put("wait", 0.0012);
        m.put("idle", 0);
        m.put("loadavg", List.of("0.42", "0.38", "0.31"));
        m.put("kversion", "Linux 6.14.8-2-pve #1 SMP PREEMPT_DYNAMIC PMX 6.14.8-2 (2025-07-22T10:04Z)");
        m.put("pveversion", "pve-manager/9.2.4/5e5ae681198514d4");
        m.put("cpuinfo", Map.of("cpus", n.cpus, "cores", Math.max(1, n.cpus / 2), "sockets", 1,
                "model", "AMD EPYC 7313P 16-Core Processor", "mhz", "3000.000", "hvm", "1", "flags", "fpu vme de pse tsc msr pae"));
        m.put("memory", Map.of("total", n.memoryBytes, "used", mem, "free", n.memoryBytes - mem, "available", n.memoryBytes - mem));
        m.put("swap", Map.of("total", 8L << 30, "used", 0, "free", 8L << 30));
        m.put("rootfs", Map.of("total", n.rootfsBytes, "used", n.rootfsBytes / 4, "free", n.rootfsBytes - n.rootfsBytes / 4,
                "avail", n.rootfsBytes - n.rootfsBytes / 4));
        m.put("ksm", Map.of("shared", 0));
        m.put("boot-info", Map.of("mode", "efi", "secureboot", 0));
        m.put("current-kernel", Map.of("sysname", "Linux", "release", "6.14.8-2-pve", "machine", "x86_64",
                "version", "#1 SMP PREEMPT_DYNAMIC PMX 6.14.8-2 (2025-07-22T10:04Z)"));
        return m;
    }
}
