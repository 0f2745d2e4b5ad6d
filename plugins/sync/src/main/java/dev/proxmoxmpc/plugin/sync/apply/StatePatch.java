package dev.proxmoxmpc.plugin.sync.apply;

import dev.proxmoxmpc.spi.model.Disk;
import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.GuestRuntime;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.model.Network;
import dev.proxmoxmpc.spi.model.Pool;
import dev.proxmoxmpc.spi.model.PowerState;
import dev.proxmoxmpc.spi.model.Storage;
import dev.proxmoxmpc.spi.provider.Change;
import dev.proxmoxmpc.spi.provider.ResourceRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Records a succeeded change in a stored inventory, so the local picture of the server stays true even when the
 * re-discovery after /apply cannot run. Pure.
 */
public final class StatePatch {
    private StatePatch() {}

    /**
     * @param inventory the inventory to patch (observed or base)
     * @param change    a change the server carried out
     * @param desired   the desired state the change came from (for creates)
     */
    public static Inventory apply(Inventory inventory, Change change, Inventory desired) {
        ResourceRef ref = change.target();
        return switch (ref.type()) {
            case VM, CONTAINER -> guest(inventory, change, desired, Integer.parseInt(ref.id()));
            case NETWORK -> network(inventory, change, desired);
            case STORAGE -> storage(inventory, change, desired);
            case POOL -> pool(inventory, change, desired);
            case OBJECT -> object(inventory, change, desired);
        };
    }

    private static Inventory guest(Inventory inv, Change c, Inventory desired, int vmid) {
        Optional<Guest> current = inv.guest(vmid);
        switch (c.action()) {
            case CREATE, CLONE, RESTORE -> {
                return desired.guest(vmid).map(g -> inv.withGuest(g.withRuntime(GuestRuntime.NONE))).orElse(inv);
            }
            case DELETE -> {
                return inv.withoutGuest(vmid);
            }
            default -> {
                if (current.isEmpty()) {
                    return inv;
                }
            }
        }
        Guest g = current.get();
        Guest next = switch (c.action()) {
            case UPDATE -> {
                Map<String, String> config = new TreeMap<>(g.config());
                config.putAll(c.settings());
                c.deletions().forEach(config::remove);
                yield g.withConfig(config);
            }
            case RESIZE -> {
                String slot = c.option(Change.OPT_DISK);
                Disk d = new Disk(slot, dev.proxmoxmpc.spi.model.PropertyString.parse(g.value(slot)));
                yield g.value(slot).isEmpty() ? g : g.withConfigValue(slot, d.with("size", c.option(Change.OPT_SIZE)).spec().format());
            }
            case MIGRATE -> g.withNode(c.option(Change.OPT_TARGET_NODE));
            case START -> g.withStatus(PowerState.RUNNING);
            case STOP, SHUTDOWN -> g.withStatus(PowerState.STOPPED);
            default -> g;
        };
        return inv.withGuest(next);
    }

    private static Inventory network(Inventory inv, Change c, Inventory desired) {
        ResourceRef ref = c.target();
        List<Network> nets = new ArrayList<>(inv.networks());
        nets.removeIf(n -> n.node().equals(ref.node()) && n.iface().equals(ref.id()));
        if (c.action() != dev.proxmoxmpc.spi.provider.ChangeAction.DELETE) {
            desired.networks().stream().filter(n -> n.node().equals(ref.node()) && n.iface().equals(ref.id()))
                    .findFirst().ifPresent(nets::add);
        }
        return new Inventory(inv.cluster(), inv.nodes(), inv.guests(), inv.storages(), nets, inv.pools(), inv.objects());
    }

    private static Inventory storage(Inventory inv, Change c, Inventory desired) {
        List<Storage> list = new ArrayList<>(inv.storages());
        list.removeIf(s -> s.id().equals(c.target().id()));
        if (c.action() != dev.proxmoxmpc.spi.provider.ChangeAction.DELETE) {
            desired.storages().stream().filter(s -> s.id().equals(c.target().id())).findFirst().ifPresent(list::add);
        }
        return new Inventory(inv.cluster(), inv.nodes(), inv.guests(), list, inv.networks(), inv.pools(), inv.objects());
    }

    private static Inventory pool(Inventory inv, Change c, Inventory desired) {
        String id = c.target().id();
        String member = c.settings().getOrDefault("vms", "");
        if (!member.isEmpty()) {
            boolean leave = c.settings().getOrDefault("delete", "0").equals("1");
            return inv.guest(Integer.parseInt(member))
                    .map(g -> inv.withGuest(g.withPool(leave ? "" : id))).orElse(inv);
        }
        List<Pool> list = new ArrayList<>(inv.pools());
        list.removeIf(p -> p.id().equals(id));
        if (c.action() != dev.proxmoxmpc.spi.provider.ChangeAction.DELETE) {
            desired.pools().stream().filter(p -> p.id().equals(id)).findFirst().ifPresent(list::add);
        }
        return new Inventory(inv.cluster(), inv.nodes(), inv.guests(), inv.storages(), inv.networks(), list, inv.objects());
    }

    private static Inventory object(Inventory inv, Change c, Inventory desired) {
        ResourceRef ref = c.target();
        String key = ref.objectKind() + "|" + ref.node() + "|" + ref.objectId();
        List<dev.proxmoxmpc.spi.model.ClusterObject> list = new ArrayList<>(inv.objects());
        list.removeIf(o -> o.key().equals(key));
        if (c.action() != dev.proxmoxmpc.spi.provider.ChangeAction.DELETE) {
            desired.objects().stream().filter(o -> o.key().equals(key)).findFirst().ifPresent(list::add);
        }
        return inv.withObjects(list);
    }
}
