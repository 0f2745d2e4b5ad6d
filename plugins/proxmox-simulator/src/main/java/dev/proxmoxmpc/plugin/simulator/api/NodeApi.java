package dev.proxmoxmpc.plugin.simulator.api;

import dev.proxmoxmpc.plugin.simulator.error.ApiException;
import dev.proxmoxmpc.plugin.simulator.http.ApiRequest;
import dev.proxmoxmpc.plugin.simulator.http.Router;
import dev.proxmoxmpc.plugin.simulator.state.Cluster;
import dev.proxmoxmpc.plugin.simulator.state.NodeState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code /nodes}, {@code /nodes/{node}/status} and {@code /nodes/{node}/network}. */
public final class NodeApi {
    private static final java.util.Set<String> NETWORK_KEYS_NOT_STORED = java.util.Set.of("node");

    private final Cluster cluster;

    public NodeApi(Cluster cluster) {
        this.cluster = cluster;
    }

    public void register(Router r) {
        r.get("/nodes", this::list);
        r.get("/nodes/{node}/status", this::status);
        r.get("/nodes/{node}/network", this::network);
        r.post("/nodes/{node}/network", this::createInterface);
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

    private Object network(ApiRequest req) {
        NodeState n = cluster.node(req.node());
        String type = req.param("type").orElse("");
        List<Object> out = new ArrayList<>();
        for (Map<String, Object> iface : n.interfaces.values()) {
            String t = String.valueOf(iface.get("type"));
            boolean match = type.isEmpty() || type.equals(t) || (type.equals("any_bridge") && (t.equals("bridge") || t.equals("OVSBridge")))
                    || (type.equals("any_local_bridge") && t.equals("bridge"));
            if (match) {
                out.add(new LinkedHashMap<>(iface));
            }
        }
        return out;
    }

    private Object createInterface(ApiRequest req) {
        NodeState n = cluster.node(req.node());
        String iface = req.required("iface");
        if (n.interfaces.containsKey(iface)) {
            throw ApiException.parameter("iface", "Interface already exists");
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("iface", iface);
        m.put("type", req.required("type"));
        m.put("method", req.param("cidr").isPresent() || req.param("address").isPresent() ? "static" : "manual");
        m.put("families", List.of("inet"));
        m.put("priority", n.interfaces.size() + 1);
        m.put("pending", Map.of("autostart", 1));
        req.params().forEach((k, v) -> {
            if (!NETWORK_KEYS_NOT_STORED.contains(k) && !k.equals("iface") && !k.equals("type")) {
                m.put(k, v.matches("\\d+") && (k.equals("autostart") || k.equals("bridge_vlan_aware") || k.equals("mtu"))
                        ? Integer.parseInt(v) : v);
            }
        });
        n.interfaces.put(iface, m);
        return null;
    }
}
