package dev.proxmoxmpc.plugin.simulator.guest;

import dev.proxmoxmpc.plugin.simulator.state.Cluster;
import dev.proxmoxmpc.plugin.simulator.state.ConfigText;
import dev.proxmoxmpc.plugin.simulator.state.Guest;
import dev.proxmoxmpc.plugin.simulator.state.HaResource;
import dev.proxmoxmpc.plugin.simulator.state.Sizes;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON shapes of a guest: config read-back (strings and numbers as the real server types them), list entries,
 * {@code /cluster/resources} rows and {@code status/current}. Usage figures are made up but stable per guest.
 */
public final class GuestViews {
    private GuestViews() {
    }

    /** {@code GET .../config}: every key, numbers for integer/boolean keys, strings otherwise, plus digest. */
    public static Map<String, Object> config(Guest g, Map<String, String> config, String digest) {
        Map<String, Object> out = new LinkedHashMap<>();
        config.forEach((k, v) -> {
            if (k.equals("cipassword")) {
                out.put(k, "**********");
            } else if (GuestSchema.numeric(g.kind, k) && v.matches("-?\\d+")) {
                out.put(k, Long.parseLong(v));
            } else {
                out.put(k, v);
            }
        });
        out.put("digest", digest);
        return out;
    }

    public static Map<String, Object> config(Guest g) {
        return config(g, g.config, ConfigText.digest(g));
    }

    /** A row of {@code GET /nodes/{node}/qemu} or {@code .../lxc}. */
    public static Map<String, Object> listEntry(Cluster c, Guest g) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("vmid", g.vmid);
        m.put("name", g.name());
        m.put("status", g.status);
        if (!g.qemu()) {
            m.put("type", "lxc");
        }
        usage(c, g, m);
        if (g.qemu() && g.running()) {
            m.put("pid", 10000 + g.vmid % 50000);
        }
        if (!g.qemu()) {
            m.put("maxswap", swap(g));
            m.put("swap", 0);
        }
        optional(g, m);
        if (g.template()) {
            m.put("template", 1);
        }
        return m;
    }

    /** A {@code type=qemu|lxc} row of {@code /cluster/resources}. */
    public static Map<String, Object> resource(Cluster c, Guest g) {
        Map<String, Object> m = new LinkedHashMap<>();
        var node = c.nodes.get(g.node);
        if (g.statsFromMillis > System.currentTimeMillis() || node != null && !node.online) {
            m.put("id", g.kind + "/" + g.vmid);
            m.put("type", g.kind);
            m.put("vmid", g.vmid);
            m.put("node", g.node);
            m.put("status", "unknown");
            hastate(c, g, m);
            return m;
        }
        m.put("id", g.kind + "/" + g.vmid);
        m.put("type", g.kind);
        m.put("vmid", g.vmid);
        m.put("node", g.node);
        m.put("name", g.name());
        m.put("status", g.status);
        m.put("template", g.template() ? 1 : 0);
        usage(c, g, m);
        m.remove("cpus");
        String pool = c.poolOf(g.vmid);
        if (pool != null) {
            m.put("pool", pool);
        }
        hastate(c, g, m);
        optional(g, m);
        return m;
    }

    /** {@code GET .../status/current}, with {@code ha} as pve-ha-manager's {@code get_service_status} makes it. */
    public static Map<String, Object> current(Cluster c, Guest g) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("vmid", g.vmid);
        m.put("name", g.name());
        m.put("status", g.status);
        usage(c, g, m);
        m.put("ha", ha(c.haResource(g)));
        if (g.qemu()) {
            m.put("qmpstatus", g.running() ? "running" : "stopped");
            m.put("balloon", m.get("maxmem"));
            if (GuestAgent.enabled(g)) {
                m.put("agent", 1);
            }
            if (g.running()) {
                m.put("pid", 10000 + g.vmid % 50000);
                m.put("running-machine", "pc-i440fx-10.0+pve0");
                m.put("running-qemu", "10.0.2");
                m.put("freemem", (long) m.get("maxmem") - (long) m.get("mem"));
            }
        } else {
            m.put("type", "lxc");
            m.put("maxswap", swap(g));
            m.put("swap", 0);
            if (g.running()) {
                m.put("pid", 20000 + g.vmid % 40000);
            }
        }
        optional(g, m);
        if (g.template()) {
            m.put("template", 1);
        }
        return m;
    }

    private static Map<String, Object> ha(HaResource r) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (r == null || !r.managed()) {
            m.put("managed", 0);
            return m;
        }
        m.put("managed", 1);
        m.put("group", r.options.get("group"));
        m.put("state", r.crmState);
        return m;
    }

    private static void hastate(Cluster c, Guest g, Map<String, Object> m) {
        HaResource r = c.haResource(g);
        if (r != null && r.hastate() != null) {
            m.put("hastate", r.hastate());
        }
    }

    private static void optional(Guest g, Map<String, Object> m) {
        String lock = g.config.get("lock");
        if (lock != null && !lock.isEmpty()) {
            m.put("lock", lock);
        }
        String tags = g.config.get("tags");
        if (tags != null && !tags.isEmpty()) {
            m.put("tags", tags);
        }
    }

    /** CPU and memory from {@link GuestLoad} at this second ({@code memhost}: the host's view, VMs only). */
    private static void usage(Cluster c, Guest g, Map<String, Object> m) {
        long maxmem = maxmem(g);
        int seed = seed(g);
        boolean on = g.running();
        long uptime = uptime(g);
        long now = Cluster.now();
        GuestLoad.Profile p = GuestLoad.profile(c, g);
        long[] rates = GuestLoad.ioRates(g);
        m.put("cpus", cpus(g));
        m.put("maxcpu", cpus(g));
        m.put("cpu", on ? GuestLoad.cpu(p, g, now) : 0);
        m.put("maxmem", maxmem);
        long host = on ? (long) (maxmem * GuestLoad.memhost(p, g, now)) : 0L;
        m.put("mem", on ? (g.qemu() && !GuestLoad.reportsBalloon(g) ? host : (long) (maxmem * GuestLoad.mem(p, g, now))) : 0L);
        if (g.qemu()) {
            m.put("memhost", host);
        }
        m.put("maxdisk", maxdisk(g));
        m.put("disk", on && !g.qemu() ? maxdisk(g) / 100 * (10 + seed % 50) : 0L);
        m.put("uptime", uptime);
        m.put("netin", uptime * rates[0]);
        m.put("netout", uptime * rates[1]);
        m.put("diskread", uptime * rates[2]);
        m.put("diskwrite", uptime * rates[3]);
    }

    /** @return bytes received since start (made up, stable per guest), 0 when stopped. */
    public static long netin(Guest g) {
        return uptime(g) * (1000 + seed(g) % 5000);
    }

    /** @return bytes sent since start (made up, stable per guest), 0 when stopped. */
    public static long netout(Guest g) {
        return uptime(g) * (500 + seed(g) % 3000);
    }

    private static long uptime(Guest g) {
        return g.running() ? Math.max(1, Cluster.now() - g.startedAt) : 0;
    }

    private static int seed(Guest g) {
        return Math.abs(Integer.hashCode(g.vmid * 7919));
    }

    public static long maxmem(Guest g) {
        String mem = g.config.getOrDefault("memory", "512");
        String mib = mem.replace("current=", "").split(",")[0];
        try {
            return Long.parseLong(mib.trim()) * Sizes.MIB;
        } catch (NumberFormatException e) {
            return 512 * Sizes.MIB;
        }
    }

    private static long swap(Guest g) {
        try {
            return Long.parseLong(g.config.getOrDefault("swap", "512")) * Sizes.MIB;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    public static int cpus(Guest g) {
        try {
            if (g.qemu()) {
                if (g.config.containsKey("vcpus")) {
                    return Integer.parseInt(g.config.get("vcpus"));
                }
                return Integer.parseInt(g.config.getOrDefault("cores", "1")) * Integer.parseInt(g.config.getOrDefault("sockets", "1"));
            }
            return Integer.parseInt(g.config.getOrDefault("cores", "2"));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** @return the size of the boot disk (qemu) or root file system (lxc), 0 when none. */
    public static long maxdisk(Guest g) {
        String[] keys = g.qemu() ? new String[] {"scsi0", "virtio0", "sata0", "ide0"} : new String[] {"rootfs"};
        for (String k : keys) {
            String v = g.config.get(k);
            if (v != null) {
                for (String part : v.split(",")) {
                    if (part.startsWith("size=")) {
                        return Sizes.parse(part.substring(5));
                    }
                }
            }
        }
        return 0;
    }
}
