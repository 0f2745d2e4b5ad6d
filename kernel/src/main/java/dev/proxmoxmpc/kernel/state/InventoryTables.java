package dev.proxmoxmpc.kernel.state;

import dev.proxmoxmpc.spi.model.ClusterObject;
import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.model.Network;
import dev.proxmoxmpc.spi.model.Node;
import dev.proxmoxmpc.spi.model.Pool;
import dev.proxmoxmpc.spi.model.Storage;
import dev.proxmoxmpc.spi.state.StateKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes and reads one inventory across its tables, inside the caller's transaction. An inventory is keyed by its kind
 * and environment: the desired state is the project's (environment {@code ""}), observed and base are each
 * environment's.
 */
final class InventoryTables {
    private InventoryTables() {}

    static String kind(StateKind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    /** @return the environment key of {@code kind} in {@code environment}: {@code ""} for the shared desired state */
    static String environment(StateKind kind, String environment) {
        return kind == StateKind.DESIRED ? "" : environment;
    }

    static void replace(StateMapper m, StateKind stateKind, String environment, Inventory inv, String savedAt) {
        String kind = kind(stateKind);
        String env = environment(stateKind, environment);
        // The upsert comes first: it locks this kind's row, so concurrent writers of one kind take turns.
        m.upsertInventory(kind, env, inv.cluster(), savedAt);
        m.deleteNodes(kind, env);
        m.deleteGuests(kind, env);
        m.deleteStorages(kind, env);
        m.deleteNetworks(kind, env);
        m.deletePools(kind, env);
        m.deleteObjects(kind, env);
        inv.nodes().forEach(n -> m.insertNode(kind, env, n));
        inv.guests().forEach(g -> m.insertGuest(kind, env, new GuestRow(g)));
        inv.storages().forEach(s -> m.insertStorage(kind, env, s.id(), s.type(), InventoryJson.writeMap(s.config())));
        inv.networks().forEach(n -> m.insertNetwork(kind, env, n.node(), n.iface(), n.type(), InventoryJson.writeMap(n.config())));
        inv.pools().forEach(p -> m.insertPool(kind, env, p.id(), p.comment()));
        inv.objects().forEach(o -> m.insertObject(kind, env, o, InventoryJson.writeMap(o.config())));
    }

    static Inventory load(StateMapper m, StateKind stateKind, String environment) {
        Inventory inv = infrastructure(m, stateKind, environment);
        List<Guest> guests = new ArrayList<>();
        m.guests(kind(stateKind), environment(stateKind, environment)).forEach(r -> guests.add(GuestRow.read(r)));
        return new Inventory(inv.cluster(), inv.nodes(), guests, inv.storages(), inv.networks(), inv.pools(), inv.objects());
    }

    /** @return the inventory without its guests. */
    static Inventory infrastructure(StateMapper m, StateKind stateKind, String environment) {
        String kind = kind(stateKind);
        String env = environment(stateKind, environment);
        Map<String, Object> head = m.inventory(kind, env);
        if (head == null) {
            return Inventory.empty();
        }
        List<Node> nodes = new ArrayList<>();
        for (Map<String, Object> r : m.nodes(kind, env)) {
            nodes.add(new Node(Rows.text(r, "name"), Rows.text(r, "status"), Rows.integer(r, "max_cpu"),
                    Rows.number(r, "max_memory"), Rows.number(r, "max_disk"), Rows.number(r, "uptime_seconds"),
                    Rows.text(r, "level")));
        }
        List<Storage> storages = new ArrayList<>();
        m.storages(kind, env).forEach(r -> storages.add(new Storage(Rows.text(r, "id"), Rows.text(r, "type"),
                InventoryJson.readMap(Rows.text(r, "config")))));
        List<Network> networks = new ArrayList<>();
        m.networks(kind, env).forEach(r -> networks.add(new Network(Rows.text(r, "node"), Rows.text(r, "iface"),
                Rows.text(r, "type"), InventoryJson.readMap(Rows.text(r, "config")))));
        List<Pool> pools = new ArrayList<>();
        m.pools(kind, env).forEach(r -> pools.add(new Pool(Rows.text(r, "id"), Rows.text(r, "comment"))));
        List<ClusterObject> objects = new ArrayList<>();
        m.objects(kind, env).forEach(r -> objects.add(new ClusterObject(Rows.text(r, "object_kind"), Rows.text(r, "scope"),
                Rows.text(r, "object_id"), InventoryJson.readMap(Rows.text(r, "config")))));
        return new Inventory(Rows.text(head, "cluster"), nodes, List.of(), storages, networks, pools, objects);
    }
}
