package dev.proxmoxmpc.plugin.simulator.state;

import dev.proxmoxmpc.plugin.simulator.error.ApiException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * The simulated cluster's state, in memory. Every API call and every task step runs while holding this object's
 * monitor ({@code synchronized (cluster)}), so handlers see and leave a consistent state.
 */
public final class Cluster {
    private static final int MAX_TASKS = 20_000;

    public final String name;
    public final Map<String, NodeState> nodes = new LinkedHashMap<>();
    public final Map<String, StorageDef> storages = new LinkedHashMap<>();
    public final Map<String, Volume> volumes = new LinkedHashMap<>();
    public final TreeMap<Integer, Guest> guests = new TreeMap<>();
    public final Map<String, Pool> pools = new TreeMap<>();
    public final Map<String, Task> tasks = new LinkedHashMap<>();
    /** {@code /etc/pve/ha/resources.cfg} by sid ({@code vm:101}). */
    public final Map<String, HaResource> haResources = new TreeMap<>();
    /** {@code /etc/pve/ha/rules.cfg}: rule id to its options ({@code type} first), in the order they were made. */
    public final Map<String, Map<String, String>> haRules = new LinkedHashMap<>();
    public final Random random;
    public final long createdAt = System.currentTimeMillis() / 1000;
    public String fingerprint = "";
    /** How long a guest created through the API is listed as {@code status: unknown} (see Faults). */
    public long newGuestStatsDelayMs;
    private int pid;

    public Cluster(String name, long seed) {
        this.name = name;
        this.random = new Random(seed);
        this.pid = 0x4000 + random.nextInt(0x8000);
    }

    public static long now() {
        return System.currentTimeMillis() / 1000;
    }

    public int nextPid() {
        return ++pid;
    }

    /** @return the node, or PVE's 500 for a name that does not resolve. */
    public NodeState node(String name) {
        NodeState n = nodes.get(name);
        if (n == null) {
            throw ApiException.failed("hostname lookup '" + name + "' failed - failed to get address info for: "
                    + name + ": Name or service not known");
        }
        return n;
    }

    /** @return the guest of that kind on that node, or PVE's 500 about the missing config file. */
    public Guest guest(String kind, String node, int vmid) {
        node(node);
        Guest g = guests.get(vmid);
        if (g == null || !g.kind.equals(kind) || !g.node.equals(node)) {
            String dir = kind.equals("qemu") ? "qemu-server" : "lxc";
            throw ApiException.failed("Configuration file 'nodes/" + node + "/" + dir + "/" + vmid + ".conf' does not exist");
        }
        return g;
    }

    /** @throws ApiException 500 {@code VM 101 already exists on node 'pve1'} when the id is taken */
    public void requireUnused(int vmid) {
        Guest g = guests.get(vmid);
        if (g != null) {
            throw ApiException.failed(g.label() + " " + vmid + " already exists on node '" + g.node + "'");
        }
    }

    /** @throws ApiException 500 {@code VM is locked (clone)} while a lock is set */
    public static void requireUnlocked(Guest g) {
        String lock = g.config.get("lock");
        if (lock != null && !lock.isEmpty()) {
            throw ApiException.failed(g.label() + " is locked (" + lock + ")");
        }
    }

    public StorageDef storage(String id) {
        StorageDef s = storages.get(id);
        if (s == null) {
            throw ApiException.failed("storage '" + id + "' does not exist");
        }
        return s;
    }

    /** @return a MAC in Proxmox's OUI range, as PVE 8+ generates them. */
    public String newMac() {
        return String.format(Locale.ROOT, "BC:24:11:%02X:%02X:%02X", random.nextInt(256), random.nextInt(256), random.nextInt(256));
    }

    public String newUuid() {
        return new java.util.UUID(random.nextLong(), random.nextLong()).toString();
    }

    /** Records a task, forgetting the oldest finished ones past a bound. */
    public void addTask(Task t) {
        tasks.put(t.upid, t);
        if (tasks.size() > MAX_TASKS) {
            Iterator<Task> it = tasks.values().iterator();
            while (tasks.size() > MAX_TASKS && it.hasNext()) {
                if (!it.next().running()) {
                    it.remove();
                }
            }
        }
    }

    public List<Volume> volumesOf(int vmid) {
        List<Volume> out = new ArrayList<>();
        for (Volume v : volumes.values()) {
            if (v.vmid == vmid && !v.content.equals("backup")) {
                out.add(v);
            }
        }
        return out;
    }

    /** @return bytes used on a storage as seen from a node. */
    public long used(StorageDef s, String node) {
        long used = 0;
        for (Volume v : volumes.values()) {
            if (v.storage.equals(s.id) && (s.shared || v.node.equals(node))) {
                used += v.sizeBytes;
            }
        }
        return used;
    }

    /** Adds a guest created through the API (create, clone, restore). */
    public void addNew(Guest g) {
        g.statsFromMillis = newGuestStatsDelayMs > 0 ? System.currentTimeMillis() + newGuestStatsDelayMs : 0;
        guests.put(g.vmid, g);
    }

    public void removeFromPools(int vmid) {
        pools.values().forEach(p -> p.vmids.remove(vmid));
    }

    /** @return the guest's HA resource ({@code vm:N} or {@code ct:N}), or {@code null} when it has none. */
    public HaResource haResource(Guest g) {
        return haResources.get((g.qemu() ? "vm:" : "ct:") + g.vmid);
    }

    public String poolOf(int vmid) {
        for (Pool p : pools.values()) {
            if (p.vmids.contains(vmid)) {
                return p.id;
            }
        }
        return null;
    }
}
