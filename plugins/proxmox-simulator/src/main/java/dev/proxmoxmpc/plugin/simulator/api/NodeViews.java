package dev.proxmoxmpc.plugin.simulator.api;

import dev.proxmoxmpc.plugin.simulator.guest.GuestViews;
import dev.proxmoxmpc.plugin.simulator.state.Cluster;
import dev.proxmoxmpc.plugin.simulator.state.Guest;
import dev.proxmoxmpc.plugin.simulator.state.NodeState;
import dev.proxmoxmpc.plugin.simulator.state.StorageDef;
import java.util.LinkedHashMap;
import java.util.Map;

/** Node and storage rows: {@code /nodes}, {@code /cluster/resources} node and storage entries. */
final class NodeViews {
    private NodeViews() {
    }

    static Map<String, Object> resource(Cluster c, NodeState n) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", "node/" + n.name);
        m.put("type", "node");
        m.put("node", n.name);
        m.put("status", n.online ? "online" : "offline");
        m.put("level", "");
        if (!n.online) {
            return m; // no fresh stats from a node that is down (pmxcfs drops its RRD data)
        }
        usage(c, n, m);
        m.put("cgroup-mode", 2);
        m.put("hastate", "online");
        return m;
    }

    static Map<String, Object> listEntry(Cluster c, NodeState n) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", "node/" + n.name);
        m.put("type", "node");
        m.put("node", n.name);
        m.put("status", n.online ? "online" : "offline");
        m.put("level", "");
        m.put("ssl_fingerprint", c.fingerprint);
        if (n.online) {
            usage(c, n, m);
        }
        return m;
    }

    static void usage(Cluster c, NodeState n, Map<String, Object> m) {
        long guestMem = 0;
        double guestCpu = 0;
        for (Guest g : c.guests.values()) {
            if (g.node.equals(n.name) && g.running()) {
                guestMem += GuestViews.maxmem(g) / 2;
                guestCpu += 0.01;
            }
        }
        m.put("cpu", Math.min(1.0, 0.02 + guestCpu / Math.max(1, n.cpus)));
        m.put("maxcpu", n.cpus);
        m.put("mem", Math.min(n.memoryBytes, 2L * 1024 * 1024 * 1024 + guestMem));
        m.put("maxmem", n.memoryBytes);
        m.put("disk", n.rootfsBytes / 4);
        m.put("maxdisk", n.rootfsBytes);
        m.put("uptime", Math.max(1, Cluster.now() - n.bootedAt));
    }

    static Map<String, Object> storageResource(Cluster c, StorageDef s, NodeState n) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", "storage/" + n.name + "/" + s.id);
        m.put("type", "storage");
        m.put("storage", s.id);
        m.put("node", n.name);
        m.put("plugintype", s.type);
        if (!n.online) {
            m.put("status", "unknown");
            m.put("shared", s.shared ? 1 : 0);
            m.put("content", s.content);
            return m;
        }
        m.put("status", "available");
        m.put("shared", s.shared ? 1 : 0);
        m.put("content", s.content);
        m.put("disk", c.used(s, n.name));
        m.put("maxdisk", s.capacityBytes);
        return m;
    }
}
