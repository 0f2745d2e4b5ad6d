package dev.proxmoxmpc.plugin.sync.apply;

import dev.proxmoxmpc.plugin.sync.compare.Desired;
import dev.proxmoxmpc.plugin.sync.compare.Noise;
import dev.proxmoxmpc.spi.model.ClusterObject;
import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.model.Network;
import dev.proxmoxmpc.spi.model.Pool;
import dev.proxmoxmpc.spi.model.Storage;
import dev.proxmoxmpc.spi.state.StateKind;
import dev.proxmoxmpc.spi.state.StateStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * After /apply read the server again: OBSERVED becomes the fresh inventory; every resource whose changes all
 * succeeded is agreed, so BASE takes the server's version and DESIRED adopts it (keeping its {@code mpc.*} and
 * create-only keys and its power state), so the next plan is empty for it. Not when the plan was made for an
 * environment that maps names: the desired state keeps the project's own names there.
 */
final class Convergence {
    private Convergence() {}

    static void record(StateStore state, Inventory desired, Inventory fresh, Inventory base, Map<String, Boolean> done,
                       boolean adoptDesired) {
        Inventory agreedFresh = Desired.fromObserved(fresh);
        Inventory newBase = base;
        Inventory newDesired = desired;
        for (Map.Entry<String, Boolean> e : done.entrySet()) {
            if (!e.getValue()) {
                continue;
            }
            newBase = take(newBase, agreedFresh, e.getKey(), Optional.empty());
            newDesired = take(newDesired, agreedFresh, e.getKey(), Optional.of(desired));
        }
        if (adoptDesired) {
            state.saveAll(Map.of(StateKind.OBSERVED, fresh, StateKind.BASE, newBase, StateKind.DESIRED, newDesired));
        } else {
            state.saveAll(Map.of(StateKind.OBSERVED, fresh, StateKind.BASE, newBase));
        }
    }

    private static Inventory take(Inventory into, Inventory from, String key, Optional<Inventory> keepLocal) {
        String kind = key.substring(0, key.indexOf(':'));
        String id = key.substring(key.indexOf(':') + 1);
        return switch (kind) {
            case "guest" -> guest(into, from, Integer.parseInt(id), keepLocal);
            case "network" -> {
                List<Network> list = new ArrayList<>(into.networks());
                list.removeIf(n -> (n.node() + "/" + n.iface()).equals(id));
                from.networks().stream().filter(n -> (n.node() + "/" + n.iface()).equals(id)).forEach(list::add);
                yield new Inventory(into.cluster(), into.nodes(), into.guests(), into.storages(), list, into.pools(), into.objects());
            }
            case "storage" -> {
                List<Storage> list = new ArrayList<>(into.storages());
                list.removeIf(s -> s.id().equals(id));
                from.storages().stream().filter(s -> s.id().equals(id)).forEach(list::add);
                yield new Inventory(into.cluster(), into.nodes(), into.guests(), list, into.networks(), into.pools(), into.objects());
            }
            case "object" -> {
                List<ClusterObject> list = new ArrayList<>(into.objects());
                list.removeIf(o -> o.key().equals(id));
                from.objects().stream().filter(o -> o.key().equals(id)).forEach(list::add);
                yield into.withObjects(list);
            }
            default -> {
                List<Pool> list = new ArrayList<>(into.pools());
                list.removeIf(p -> p.id().equals(id));
                from.pools().stream().filter(p -> p.id().equals(id)).forEach(list::add);
                yield new Inventory(into.cluster(), into.nodes(), into.guests(), into.storages(), into.networks(), list, into.objects());
            }
        };
    }

    private static Inventory guest(Inventory into, Inventory from, int vmid, Optional<Inventory> keepLocal) {
        Optional<Guest> server = from.guest(vmid);
        if (server.isEmpty()) {
            return into.withoutGuest(vmid);
        }
        Guest g = server.get();
        Optional<Guest> local = keepLocal.flatMap(d -> d.guest(vmid));
        if (local.isPresent()) {
            Map<String, String> config = new TreeMap<>(g.config());
            local.get().config().forEach((k, v) -> {
                if (Noise.localOnly(k)) {
                    config.put(k, v);
                }
            });
            g = g.withConfig(config).withStatus(g.template() ? g.status() : local.get().status());
        }
        return into.withGuest(g);
    }
}
