package dev.proxmoxmpc.plugin.proxmox.change;

import dev.proxmoxmpc.spi.model.Disk;
import dev.proxmoxmpc.spi.model.Nic;
import dev.proxmoxmpc.spi.model.PropertyString;
import dev.proxmoxmpc.spi.provider.Change;
import dev.proxmoxmpc.spi.provider.ResourceRef;
import java.util.Set;
import java.util.TreeSet;

/**
 * The server locks a change takes. {@code exclusive}: what PVE locks for it (a guest's config, a template being
 * cloned, a node's network file, storage.cfg, a pool) and a guest's pool membership (PVE refuses a guest in two
 * pools, so its leaving one and joining another keep their order). {@code shared}: what it only needs to exist (the storage its
 * disks go to, the node network its NICs use, its pool) — so it runs after an earlier change that creates them,
 * while changes that merely share them still run in parallel.
 *
 * @param exclusive keys no other change may hold at the same time
 * @param shared    keys that order it after earlier exclusive holders
 */
record LockKeys(Set<String> exclusive, Set<String> shared) {

    static LockKeys of(Change c) {
        Set<String> ex = new TreeSet<>();
        Set<String> sh = new TreeSet<>();
        ResourceRef ref = c.target();
        switch (ref.type()) {
            case VM, CONTAINER -> {
                ex.add(guest(ref.id()));
                if (!c.option(Change.OPT_SOURCE).isEmpty() && c.action() == dev.proxmoxmpc.spi.provider.ChangeAction.CLONE) {
                    ex.add(guest(c.option(Change.OPT_SOURCE)));
                }
                if (!c.option(Change.OPT_CLONE_FROM).isEmpty()) {
                    ex.add(guest(c.option(Change.OPT_CLONE_FROM)));
                }
                if (!c.option(Change.OPT_STORAGE).isEmpty()) {
                    sh.add(storage(c.option(Change.OPT_STORAGE)));
                }
                if (!c.option(Change.OPT_TARGET_NODE).isEmpty()) {
                    sh.add(network(c.option(Change.OPT_TARGET_NODE)));
                }
                c.settings().forEach((k, v) -> {
                    if (Disk.SLOT.matcher(k).matches()) {
                        String storage = new Disk(k, PropertyString.parse(v)).storage();
                        if (!storage.isEmpty()) {
                            sh.add(storage(storage));
                        }
                    } else if (Nic.SLOT.matcher(k).matches() && !ref.node().isEmpty()) {
                        sh.add(network(ref.node()));
                    } else if (k.equals("pool") && !v.isEmpty()) {
                        sh.add("pool:" + v);
                    }
                });
            }
            case NETWORK -> ex.add(network(ref.node()));
            case STORAGE -> {
                ex.add("storage.cfg");
                ex.add(storage(ref.id()));
            }
            case OBJECT -> {
                // cluster configuration files (jobs.cfg, ha, firewall, sdn, user.cfg) are few: one change at a time,
                // in plan order; an object on a guest, or naming guests, runs after those guests' changes
                ex.add("objects");
                String scope = ref.node();
                if (scope.startsWith("vm/") || scope.startsWith("ct/")) {
                    sh.add(guest(scope.substring(3)));
                }
                if (ref.objectId().matches("(vm|ct):\\d+")) {
                    sh.add(guest(ref.objectId().substring(3)));
                }
                for (String key : new String[] {"vmid", "guest", "sid", "resources"}) {
                    for (String v : c.settings().getOrDefault(key, "").split("[,;\\s]+")) {
                        String vmid = v.replaceFirst("^(vm|ct):", "");
                        if (vmid.matches("\\d+")) {
                            sh.add(guest(vmid));
                        }
                    }
                }
            }
            case POOL -> {
                ex.add("pool:" + ref.id());
                for (String vmid : c.settings().getOrDefault("vms", "").split("[,;\\s]+")) {
                    if (!vmid.isEmpty()) {
                        sh.add(guest(vmid)); // membership after the guest exists
                        ex.add("membership:" + vmid); // leave the old pool before joining the new one, in list order
                    }
                }
            }
        }
        sh.removeAll(ex);
        return new LockKeys(Set.copyOf(ex), Set.copyOf(sh));
    }

    /** @return whether {@code later} must wait for this (earlier) change. */
    boolean blocks(LockKeys later) {
        for (String k : exclusive) {
            if (later.exclusive.contains(k) || later.shared.contains(k)) {
                return true;
            }
        }
        for (String k : shared) {
            if (later.exclusive.contains(k)) {
                return true;
            }
        }
        return false;
    }

    private static String guest(String vmid) {
        return "guest:" + vmid;
    }

    private static String storage(String id) {
        return "storage:" + id;
    }

    private static String network(String node) {
        return "network:" + node;
    }
}
