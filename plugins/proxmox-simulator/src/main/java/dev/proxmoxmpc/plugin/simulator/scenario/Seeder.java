package dev.proxmoxmpc.plugin.simulator.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proxmoxmpc.plugin.simulator.guest.ConfigEditor;
import dev.proxmoxmpc.plugin.simulator.guest.GuestSchema;
import dev.proxmoxmpc.plugin.simulator.network.NodeInterfaces;
import dev.proxmoxmpc.plugin.simulator.error.ApiException;
import dev.proxmoxmpc.plugin.simulator.schema.ValueChecker;
import dev.proxmoxmpc.plugin.simulator.state.Cluster;
import dev.proxmoxmpc.plugin.simulator.state.Guest;
import dev.proxmoxmpc.plugin.simulator.state.NodeState;
import dev.proxmoxmpc.plugin.simulator.state.Pool;
import dev.proxmoxmpc.plugin.simulator.state.Sizes;
import dev.proxmoxmpc.plugin.simulator.state.StorageDef;
import dev.proxmoxmpc.plugin.simulator.state.Volume;
import dev.proxmoxmpc.plugin.simulator.state.Volumes;
import java.util.Map;
import java.util.Set;

/** Fills a cluster from a scenario, checking every guest config key and value against the schema. */
public final class Seeder {
    private static final Set<String> INTERNAL_KEYS = Set.of("meta", "lock", "parent", "template", "digest");

    private Seeder() {
    }

    /** @throws IllegalArgumentException naming the guest and key that is wrong */
    public static Cluster seed(Scenario s, long seed) {
        Cluster c = new Cluster(s.cluster(), seed);
        long now = Cluster.now();
        int i = 0;
        for (Scenario.NodeSpec n : s.nodes()) {
            i++;
            NodeState node = new NodeState(require(n.name(), "node name"), i, n.ip() == null ? "10.0.0." + (10 + i) : n.ip(),
                    n.cpus() == null ? 16 : n.cpus(), size(n.memory(), "64G"), size(n.rootfs(), "100G"),
                    now - 86400L * (20 + i) - 3600L * i);
            NodeInterfaces.seed(node.network, node.name, n.interfaces());
            node.online = !Boolean.TRUE.equals(n.offline());
            c.nodes.put(node.name, node);
        }
        if (c.nodes.isEmpty()) {
            throw new IllegalArgumentException("scenario has no nodes");
        }
        for (Scenario.StorageSpec st : s.storages()) {
            StorageDef d = new StorageDef(require(st.id(), "storage id"), require(st.type(), "storage type of " + st.id()),
                    st.content() == null ? "images,rootdir" : st.content(), Boolean.TRUE.equals(st.shared()), size(st.capacity(), "500G"));
            d.nodes = st.nodes() == null ? "" : st.nodes();
            d.props.putAll(st.props());
            c.storages.put(d.id, d);
        }
        for (Scenario.VolumeSpec v : s.volumes()) {
            String volid = require(v.volid(), "volume volid");
            String rest = volid.substring(volid.indexOf(':') + 1);
            String content = rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : "images";
            String format = Volumes.fileFormat(content, rest);
            StorageDef sd = c.storage(Volumes.storageOf(volid));
            c.volumes.put(volid, new Volume(volid, sd.id, sd.shared ? "" : v.node() == null ? first(c) : v.node(), 0, content,
                    format, size(v.size(), "512M"), now - 86400L * 30));
        }
        for (Scenario.PoolSpec p : s.pools()) {
            Pool pool = new Pool(require(p.id(), "pool id"), p.comment() == null ? "" : p.comment());
            pool.vmids.addAll(p.members());
            c.pools.put(pool.id, pool);
        }
        s.templates().forEach(g -> guest(c, g, g.type() == null ? "qemu" : g.type(), true));
        s.vms().forEach(g -> guest(c, g, "qemu", false));
        s.containers().forEach(g -> guest(c, g, "lxc", false));
        return c;
    }

    private static void guest(Cluster c, Scenario.GuestSpec spec, String kind, boolean template) {
        int vmid = spec.vmid() == null ? 0 : spec.vmid();
        String where = "guest " + vmid;
        if (vmid < 100) {
            throw new IllegalArgumentException(where + ": vmid must be 100 or more");
        }
        if (c.guests.containsKey(vmid)) {
            throw new IllegalArgumentException(where + ": vmid used twice");
        }
        String node = spec.node() == null ? first(c) : spec.node();
        if (!c.nodes.containsKey(node)) {
            throw new IllegalArgumentException(where + ": unknown node '" + node + "'");
        }
        Guest g = new Guest(kind, vmid, node, Map.of());
        if (template || "1".equals(spec.config().get("template"))) {
            g.config.put("template", "1");
        }
        try {
            for (Map.Entry<String, String> e : new java.util.TreeMap<>(spec.config()).entrySet()) {
                String key = e.getKey();
                String value = String.valueOf(e.getValue());
                if (INTERNAL_KEYS.contains(key)) {
                    g.config.put(key, value);
                    continue;
                }
                JsonNode schema = GuestSchema.key(kind, key).orElseThrow(() -> new IllegalArgumentException(
                        where + ": '" + key + "' is not a " + kind + " config key"));
                boolean propertyString = schema.path("format").isObject();
                String err = propertyString ? null : ValueChecker.check(value, schema, false);
                if (err != null) {
                    throw new IllegalArgumentException(where + ": " + key + ": " + err.replace("\n", " "));
                }
                g.config.put(key, ConfigEditor.normalise(c, g, key, value));
            }
        } catch (ApiException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage() + " " + e.errors(), e);
        }
        if (g.qemu()) {
            g.config.putIfAbsent("meta", "creation-qemu=10.0.2,ctime=" + (c.createdAt - 86400L * 10));
            g.config.putIfAbsent("smbios1", "uuid=" + c.newUuid());
            g.config.putIfAbsent("vmgenid", c.newUuid());
        } else {
            g.config.putIfAbsent("arch", "amd64");
            g.config.putIfAbsent("hostname", "CT" + vmid);
        }
        if ("running".equals(spec.status()) && !g.template()) {
            g.status = "running";
            g.startedAt = Cluster.now() - 3600L * (1 + c.random.nextInt(500));
        } else if (spec.status() != null && !spec.status().equals("stopped") && !spec.status().equals("running")) {
            throw new IllegalArgumentException(where + ": status must be running or stopped, got " + spec.status());
        }
        c.guests.put(vmid, g);
        if (spec.guestAgent() != null) {
            if (!g.qemu()) {
                throw new IllegalArgumentException(where + ": guestAgent is for VMs, a container has no guest agent");
            }
            g.agentAnswers = spec.guestAgent();
        }
        if (!spec.ha().isEmpty()) {
            HaSeeder.seed(c, g, spec.ha(), where);
        }
        if (spec.pool() != null) {
            Pool p = c.pools.get(spec.pool());
            if (p == null) {
                throw new IllegalArgumentException(where + ": unknown pool '" + spec.pool() + "'");
            }
            p.vmids.add(vmid);
        }
    }

    private static String first(Cluster c) {
        return c.nodes.keySet().iterator().next();
    }

    private static long size(String text, String dflt) {
        return Sizes.parse(text == null ? dflt : text);
    }

    private static <T> T require(T value, String what) {
        if (value == null) {
            throw new IllegalArgumentException("scenario: missing " + what);
        }
        return value;
    }
}
