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
import java.util.Collections;
import java.util.HashMap;
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

    /**
     * Makes the stored inventory {@code inv}, writing only what differs from the stored one: the guests inserted,
     * updated and deleted one by one (compared column by column, the config and runtime by their JSON text), each
     * other table rewritten only when any of its rows differ. The result is the same as deleting every row and
     * inserting {@code inv}'s; an unchanged inventory costs one read of each table and no row written.
     */
    static void replace(StateMapper m, StateKind stateKind, String environment, Inventory inv, String savedAt) {
        String kind = kind(stateKind);
        String env = environment(stateKind, environment);
        // The upsert comes first: it locks this kind's row, so concurrent writers of one kind take turns.
        m.upsertInventory(kind, env, inv.cluster(), savedAt);
        if (!sameRows(m.nodes(kind, env), inv.nodes().stream().map(n -> key(n.name(), n.status(), n.maxCpu(), n.maxMemory(),
                n.maxDisk(), n.uptimeSeconds(), n.level())).toList(), "name", "status", "max_cpu", "max_memory", "max_disk",
                "uptime_seconds", "level")) {
            m.deleteNodes(kind, env);
            inv.nodes().forEach(n -> m.insertNode(kind, env, n));
        }
        replaceGuests(m, kind, env, inv);
        List<String[]> storages = inv.storages().stream().map(st -> new String[] {st.id(), st.type(), InventoryJson.writeMap(st.config())}).toList();
        if (!sameRows(m.storages(kind, env), storages.stream().map(r -> key((Object[]) r)).toList(), "id", "type", "config")) {
            m.deleteStorages(kind, env);
            storages.forEach(r -> m.insertStorage(kind, env, r[0], r[1], r[2]));
        }
        List<String[]> networks = inv.networks().stream()
                .map(n -> new String[] {n.node(), n.iface(), n.type(), InventoryJson.writeMap(n.config())}).toList();
        if (!sameRows(m.networks(kind, env), networks.stream().map(r -> key((Object[]) r)).toList(), "node", "iface", "type", "config")) {
            m.deleteNetworks(kind, env);
            networks.forEach(r -> m.insertNetwork(kind, env, r[0], r[1], r[2], r[3]));
        }
        if (!sameRows(m.pools(kind, env), inv.pools().stream().map(p -> key(p.id(), p.comment())).toList(), "id", "comment")) {
            m.deletePools(kind, env);
            inv.pools().forEach(p -> m.insertPool(kind, env, p.id(), p.comment()));
        }
        List<String> objectConfigs = inv.objects().stream().map(o -> InventoryJson.writeMap(o.config())).toList();
        List<String> objectKeys = new ArrayList<>();
        for (int i = 0; i < inv.objects().size(); i++) {
            ClusterObject o = inv.objects().get(i);
            objectKeys.add(key(o.kind(), o.scope(), o.id(), objectConfigs.get(i)));
        }
        if (!sameRows(m.objects(kind, env), objectKeys, "object_kind", "scope", "object_id", "config")) {
            m.deleteObjects(kind, env);
            for (int i = 0; i < inv.objects().size(); i++) {
                m.insertObject(kind, env, inv.objects().get(i), objectConfigs.get(i));
            }
        }
    }

    /** The guests: each new one inserted, each changed one updated, each gone one deleted; the same ones untouched. */
    private static void replaceGuests(StateMapper m, String kind, String env, Inventory inv) {
        Map<Integer, Map<String, Object>> stored = new HashMap<>();
        m.guestRows(kind, env).forEach(r -> stored.put(Rows.integer(r, "vmid"), r));
        for (Guest g : inv.guests()) {
            GuestRow row = new GuestRow(g);
            Map<String, Object> old = stored.remove(g.vmid());
            if (old == null) {
                m.insertGuest(kind, env, row);
            } else if (!row.sameColumns(old)) {
                m.updateGuest(kind, env, row);
            } else if (!row.sameRuntime(old)) {
                m.updateGuestRuntime(kind, env, row); // most of a refresh: a running guest's uptime went on
            }
        }
        stored.keySet().stream().sorted().forEach(vmid -> m.deleteGuest(kind, env, vmid));
    }

    /** @return whether the stored rows hold exactly the rows {@code keys} (as {@link #key}s of {@code columns}) */
    private static boolean sameRows(List<Map<String, Object>> stored, List<String> keys, String... columns) {
        if (stored.size() != keys.size()) {
            return false;
        }
        List<String> have = new ArrayList<>();
        for (Map<String, Object> r : stored) {
            Object[] values = new Object[columns.length];
            for (int i = 0; i < columns.length; i++) {
                Object v = r.get(columns[i]);
                values[i] = v instanceof Number n ? (Object) n.longValue() : Rows.text(r, columns[i]);
            }
            have.add(key(values));
        }
        List<String> want = new ArrayList<>(keys);
        Collections.sort(have);
        Collections.sort(want);
        return have.equals(want);
    }

    /** @return the values of one row as one text (numbers as longs, so both drivers' types compare equal) */
    private static String key(Object... values) {
        StringBuilder sb = new StringBuilder();
        for (Object v : values) {
            sb.append(v instanceof Number n ? Long.toString(n.longValue()) : v == null ? "" : v.toString()).append('\u0000');
        }
        return sb.toString();
    }

    static Inventory load(StateMapper m, StateKind stateKind, String environment) {
        Inventory inv = infrastructure(m, stateKind, environment);
        List<Guest> guests = GuestRow.readAll(m.guests(kind(stateKind), environment(stateKind, environment)));
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
