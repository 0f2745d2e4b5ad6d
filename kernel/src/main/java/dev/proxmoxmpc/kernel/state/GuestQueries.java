package dev.proxmoxmpc.kernel.state;

import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.GuestKind;
import dev.proxmoxmpc.spi.model.PowerState;
import dev.proxmoxmpc.spi.state.GuestCount;
import dev.proxmoxmpc.spi.state.GuestQuery;
import dev.proxmoxmpc.spi.state.StateKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads of some guests, inside the caller's transaction: by VMID, by a {@link GuestQuery} through the indexed columns,
 * counts by node and state, and the VMIDs that differ between two inventories. Only the selected rows' configs are
 * parsed.
 */
final class GuestQueries {
    /** VMIDs per {@code IN (...)}: well under every driver's limit of bound parameters. */
    private static final int CHUNK = 500;

    private GuestQueries() {}

    static Optional<Guest> guest(StateMapper m, StateKind kind, String environment, int vmid) {
        return Optional.ofNullable(m.guest(InventoryTables.kind(kind), InventoryTables.environment(kind, environment), vmid)).map(GuestRow::read);
    }

    static List<Guest> select(StateMapper m, StateKind stateKind, String environment, GuestQuery q) {
        String kind = InventoryTables.kind(stateKind);
        String env = InventoryTables.environment(stateKind, environment);
        String type = q.kind().map(GuestKind::apiType).orElse(null);
        // LIKE reads _ and % as wildcards: with such a tag the SQL selects a superset, and the page is cut here.
        boolean exactTags = q.tags().stream().noneMatch(t -> t.contains("_") || t.contains("%") || t.contains("\\"));
        List<Integer> ids = q.vmids().map(s -> List.copyOf(new TreeSet<>(s))).orElse(null);
        if (ids != null && ids.isEmpty()) {
            return List.of();
        }
        if (exactTags && (ids == null || ids.size() <= CHUNK)) {
            return rows(m.selectGuests(kind, env, type, blankNull(q.node()), blankNull(q.pool()), blankNull(q.name()), q.tags(), ids,
                    q.offset(), q.limit()), q);
        }
        List<Guest> all = new ArrayList<>();
        List<List<Integer>> chunks = ids == null ? java.util.Collections.singletonList(null) : chunks(ids);
        for (List<Integer> chunk : chunks) {
            all.addAll(rows(m.selectGuests(kind, env, type, blankNull(q.node()), blankNull(q.pool()), blankNull(q.name()), q.tags(),
                    chunk, 0, Integer.MAX_VALUE), q));
        }
        all.sort(Comparator.comparingInt(Guest::vmid));
        return all.stream().skip(q.offset()).limit(q.limit()).toList();
    }

    static List<GuestCount> counts(StateMapper m, StateKind kind, String environment) {
        List<GuestCount> out = new ArrayList<>();
        for (var r : m.guestCounts(InventoryTables.kind(kind), InventoryTables.environment(kind, environment))) {
            GuestKind k = GuestKind.CONTAINER.apiType().equals(Rows.text(r, "type")) ? GuestKind.CONTAINER : GuestKind.VM;
            out.add(new GuestCount(Rows.text(r, "node"), k, PowerState.fromPve(Rows.text(r, "status")),
                    Rows.integer(r, "template") != 0, Rows.integer(r, "n")));
        }
        // Several stored words can mean one state (paused, suspended): merge them as the Java count does.
        return GuestCount.merged(out);
    }

    static Set<Integer> differing(StateMapper m, StateKind a, StateKind b, String environment) {
        return new TreeSet<>(m.differingGuests(InventoryTables.kind(a), InventoryTables.environment(a, environment),
                InventoryTables.kind(b), InventoryTables.environment(b, environment)));
    }

    private static List<Guest> rows(List<java.util.Map<String, Object>> rows, GuestQuery q) {
        // The tag condition in SQL is a prefilter: the exact check is the query's own.
        return GuestRow.readAll(rows).stream().filter(q::matches).toList();
    }

    private static List<List<Integer>> chunks(List<Integer> ids) {
        List<List<Integer>> out = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += CHUNK) {
            out.add(ids.subList(i, Math.min(ids.size(), i + CHUNK)));
        }
        return out;
    }

    private static String blankNull(String s) {
        return s.isEmpty() ? null : s;
    }
}
