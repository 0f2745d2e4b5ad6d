package dev.proxmoxmpc.plugin.simulator.api;

import dev.proxmoxmpc.plugin.simulator.auth.Principal;
import dev.proxmoxmpc.plugin.simulator.error.ApiException;
import dev.proxmoxmpc.plugin.simulator.http.ApiRequest;
import dev.proxmoxmpc.plugin.simulator.state.Cluster;
import dev.proxmoxmpc.plugin.simulator.state.Pool;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The writes of {@code /pools} (user.cfg) as pve-manager's pool handlers do them under the user.cfg lock, so their
 * errors are 500s prefixed {@code create pool failed:}, {@code update pools failed:} or {@code delete pool failed:}:
 * a guest joins one pool at a time (moved from another only with {@code allow-move=1}), {@code delete=1} removes
 * the members named, each member needs {@code Permissions.Modify} or {@code VM.Allocate} / {@code Datastore.Allocate},
 * and only a pool without (existing) members can be deleted. Guests are not checked to exist, as in PVE.
 */
final class PoolEdits {
    private final Cluster cluster;

    PoolEdits(Cluster cluster) {
        this.cluster = cluster;
    }

    void create(String id, String comment) {
        if (cluster.pools.containsKey(id)) {
            throw ApiException.failed("create pool failed: pool '" + id + "' already exists");
        }
        cluster.pools.put(id, new Pool(id, comment));
    }

    /** Changes a pool; nothing is kept when any part fails (PVE writes user.cfg once, at the end). */
    void update(ApiRequest req) {
        Runnable undo = snapshot();
        try {
            Pool pool = pool(req.required("poolid"));
            req.param("comment").ifPresent(c -> pool.comment = c);
            boolean remove = req.flag("delete");
            for (String vmid : items(req.param("vms").orElse(""))) {
                modify(req.principal(), "/vms/" + vmid, "VM.Allocate");
                guest(req, pool, Integer.parseInt(vmid), remove);
            }
            for (String storage : items(req.param("storage").orElse(""))) {
                modify(req.principal(), "/storage/" + storage, "Datastore.Allocate");
                storage(pool, storage, remove);
            }
        } catch (ApiException e) {
            undo.run();
            throw ApiException.failed("update pools failed: " + e.getMessage());
        }
    }

    /** @return what puts every pool's comment and members back as they are now. */
    private Runnable snapshot() {
        List<Runnable> restore = new ArrayList<>();
        for (Pool p : cluster.pools.values()) {
            String comment = p.comment;
            List<Integer> vmids = List.copyOf(p.vmids);
            List<String> storages = List.copyOf(p.storages);
            restore.add(() -> {
                p.comment = comment;
                p.vmids.clear();
                p.vmids.addAll(vmids);
                p.storages.clear();
                p.storages.addAll(storages);
            });
        }
        return () -> restore.forEach(Runnable::run);
    }

    private void guest(ApiRequest req, Pool pool, int vmid, boolean remove) {
        if (remove) {
            if (!pool.vmids.remove(vmid)) {
                throw ApiException.failed("VM " + vmid + " is not a pool member");
            }
            return;
        }
        if (pool.vmids.contains(vmid)) {
            throw ApiException.failed("VM " + vmid + " is already a pool member");
        }
        String current = cluster.poolOf(vmid);
        if (current != null) {
            if (!req.flag("allow-move")) {
                throw ApiException.failed("VM " + vmid + " belongs already to pool '" + current + "' and 'allow-move' is not set");
            }
            if (!req.principal().has("Pool.Allocate")) {
                throw ApiException.forbidden("Permission check failed (/pool/" + current + ", Pool.Allocate)");
            }
            cluster.pools.get(current).vmids.remove(vmid);
        }
        pool.vmids.add(vmid);
    }

    private static void storage(Pool pool, String storage, boolean remove) {
        if (remove && !pool.storages.remove(storage)) {
            throw ApiException.failed("Storage '" + storage + "' is not a pool member");
        }
        if (!remove && !pool.storages.add(storage)) {
            throw ApiException.failed("Storage '" + storage + "' is already a pool member");
        }
    }

    void delete(String id) {
        try {
            Pool pool = pool(id);
            for (String vmid : new TreeSet<>(pool.vmids.stream().map(String::valueOf).toList())) {
                if (cluster.guests.containsKey(Integer.parseInt(vmid))) {
                    throw ApiException.failed("pool '" + id + "' is not empty (contains VM " + vmid + ")");
                }
            }
            for (String storage : pool.storages) {
                if (cluster.storages.containsKey(storage)) {
                    throw ApiException.failed("pool '" + id + "' is not empty (contains storage '" + storage + "')");
                }
            }
        } catch (ApiException e) {
            throw ApiException.failed("delete pool failed: " + e.getMessage());
        }
        cluster.pools.remove(id);
    }

    private Pool pool(String id) {
        Pool p = cluster.pools.get(id);
        if (p == null) {
            throw ApiException.failed("pool '" + id + "' does not exist");
        }
        return p;
    }

    /** RPCEnvironment's {@code check_perm_modify}: Permissions.Modify, or the area's allocate privilege. */
    private static void modify(Principal who, String path, String allocate) {
        if (!who.has("Permissions.Modify") && !who.has(allocate)) {
            throw ApiException.forbidden("Permission check failed (" + path + ", Permissions.Modify|" + allocate + ")");
        }
    }

    private static List<String> items(String list) {
        return list.isBlank() ? List.of() : List.of(list.trim().split("[,;\\s\\x00]+"));
    }
}
