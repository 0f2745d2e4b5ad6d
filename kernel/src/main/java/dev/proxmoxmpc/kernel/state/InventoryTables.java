package dev.proxmoxmpc.kernel.state;

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

/** Writes and reads one inventory across its tables, inside the caller's transaction. */
final class InventoryTables {
    private InventoryTables() {}

    static String kind(StateKind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    static void replace(StateMapper m, StateKind stateKind, Inventory inv, String savedAt) {
        String kind = kind(stateKind);
        // The upsert comes first: it locks this kind's row, so concurrent writers of one kind take turns.
        m.upsertInventory(kind, inv.cluster(), savedAt);
        m.deleteNodes(kind);
        m.deleteGuests(kind);
        m.deleteStorages(kind);
        m.deleteNetworks(kind);
        m.deletePools(kind);
        inv.nodes().forEach(n -> m.insertNode(kind, n));
        inv.guests().forEach(g -> m.insertGuest(kind, new GuestRow(g)));
        inv.storages().forEach(s -> m.insertStorage(kind, s.id(), s.type(), InventoryJson.writeMap(s.config())));
        inv.networks().forEach(n -> m.insertNetwork(kind, n.node(), n.iface(), n.type(), InventoryJson.writeMap(n.config())));
        inv.pools().forEach(p -> m.insertPool(kind, p.id(), p.comment()));
    }

    static Inventory load(StateMapper m, StateKind stateKind) {
        Inventory inv = infrastructure(m, stateKind);
        List<Guest> guests = new ArrayList<>();
        m.guests(kind(stateKind)).forEach(r -> guests.add(GuestRow.read(r)));
        return new Inventory(inv.cluster(), inv.nodes(), guests, inv.storages(), inv.networks(), inv.pools());
    }

    /** @return the inventory without its guests. */
    static Inventory infrastructure(StateMapper m, StateKind stateKind) {
        String kind = kind(stateKind);
        Map<String, Object> head = m.inventory(kind);
        if (head == null) {
            return Inventory.empty();
        }
        List<Node> nodes = new ArrayList<>();
        for (Map<String, Object> r : m.nodes(kind)) {
            nodes.add(new Node(Rows.text(r, "name"), Rows.text(r, "status"), Rows.integer(r, "max_cpu"),
                    Rows.number(r, "max_memory"), Rows.number(r, "max_disk"), Rows.number(r, "uptime_seconds"),
                    Rows.text(r, "level")));
        }
        List<Storage> storages = new ArrayList<>();
        m.storages(kind).forEach(r -> storages.add(new Storage(Rows.text(r, "id"), Rows.text(r, "type"),
                InventoryJson.readMap(Rows.text(r, "config")))));
        List<Network> networks = new ArrayList<>();
        m.networks(kind).forEach(r -> networks.add(new Network(Rows.text(r, "node"), Rows.text(r, "iface"),
                Rows.text(r, "type"), InventoryJson.readMap(Rows.text(r, "config")))));
        List<Pool> pools = new ArrayList<>();
        m.pools(kind).forEach(r -> pools.add(new Pool(Rows.text(r, "id"), Rows.text(r, "comment"))));
        return new Inventory(Rows.text(head, "cluster"), nodes, List.of(), storages, networks, pools);
    }
}
