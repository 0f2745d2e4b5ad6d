package dev.proxmoxmpc.spi.state;

import static org.apiguardian.api.API.Status.STABLE;

import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.Inventory;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apiguardian.api.API;

/**
 * The project's local state ({@code .proxmox/state.db}: SQLite, or PostgreSQL for teams). Every method that
 * writes several rows does so in one transaction: it either happens whole or not at all. Thread-safe; every
 * method blocks on the database. Failures are {@link StateException}s with a one-line message.
 */
@API(status = STABLE, since = "1.0")
public interface StateStore {

    /** @return the stored inventory of this kind, or {@link Inventory#empty()} when none was saved. */
    Inventory load(StateKind kind);

    /** Replaces the stored inventory of this kind. */
    void save(StateKind kind, Inventory inventory);

    /** Replaces several inventories in one transaction. */
    void saveAll(Map<StateKind, Inventory> inventories);

    /** Appends to the event log (append-only). */
    void appendEvent(Event event);

    /** @return the newest {@code limit} events, newest first. */
    List<Event> events(int limit);

    /**
     * Records a snapshot: a row plus a JSON document in {@code .proxmox/history/}.
     *
     * @param cause     what caused it ({@code sync}, {@code apply}, {@code backup})
     * @param inventory the state to keep
     * @return its id and counts
     */
    SnapshotInfo snapshot(String cause, Inventory inventory);

    /** @return all snapshots, newest first. */
    List<SnapshotInfo> snapshots();

    /** @return the inventory of a snapshot, empty when the id is unknown. */
    Optional<Inventory> loadSnapshot(String id);

    /** @return the content hashes of generated files as last written, path to SHA-256 hex. */
    Map<String, String> fileHashes();

    /** Replaces the recorded generated-file hashes. */
    void saveFileHashes(Map<String, String> hashes);

    /** Records a finished sync. */
    void recordSyncRun(SyncRun run);

    /** @return the newest sync run. */
    Optional<SyncRun> lastSyncRun();

    /** Appends an audit entry (the kernel also writes {@code .proxmox/audit.log}). */
    void appendAudit(AuditEntry entry);

    /** @return the newest {@code limit} audit entries, newest first. */
    List<AuditEntry> auditEntries(int limit);

    /**
     * Takes a named lock ({@code apply}) held until the returned handle is closed, or until its holder's
     * process is gone.
     *
     * @param name  the lock name
     * @param owner who takes it ({@code alice on host1 pid 4242})
     * @throws LockHeldException naming the holder when someone else holds it
     */
    StateLock lock(String name, String owner);

    /**
     * Writes an apply journal entry in its own transaction, replacing the entry with the same run and seq (its intent
     * becomes its outcome). Blocks on the database.
     *
     * @throws StateException when the store keeps no journal (the default) or the write fails
     */
    default void journal(JournalEntry entry) {
        throw new StateException("this state store keeps no apply journal");
    }

    /** @return the journal entries still waiting for an outcome ({@link JournalEntry.Status#INTENT}), oldest first. */
    default List<JournalEntry> openJournal() {
        return List.of();
    }

    /** @return the newest {@code limit} journal entries of every status, newest first. */
    default List<JournalEntry> journalEntries(int limit) {
        return List.of();
    }

    /**
     * Reads one stored guest by VMID without loading the whole inventory (a store answers from its primary key).
     * Blocks on the database.
     *
     * @return the guest, or empty when this inventory has no such VMID
     */
    default Optional<Guest> guest(StateKind kind, int vmid) {
        return load(kind).guest(vmid);
    }

    /**
     * Reads the stored guests a query selects, ordered by VMID and paged; exactly what filtering {@link #load} with
     * {@link GuestQuery#select} gives, but a store answers from indexed columns. Blocks on the database.
     */
    default List<Guest> guests(StateKind kind, GuestQuery query) {
        return query.select(load(kind).guests());
    }

    /**
     * Counts the stored guests by node, kind, power state and template flag (what /status shows), without reading their
     * configs. Blocks on the database.
     */
    default List<GuestCount> guestCounts(StateKind kind) {
        return GuestCount.of(load(kind).guests());
    }

    /**
     * The inventory without its guests (cluster, nodes, storages, networks, pools): what a reader that takes only some
     * guests ({@link #guests(StateKind, GuestQuery)}) needs beside them. Blocks on the database.
     */
    default Inventory infrastructure(StateKind kind) {
        Inventory inv = load(kind);
        return new Inventory(inv.cluster(), inv.nodes(), List.of(), inv.storages(), inv.networks(), inv.pools(),
                inv.objects());
    }

    /**
     * The VMIDs whose stored guests differ between two inventories: in one only, or with another kind, node, pool,
     * power state or config. Guests outside this set are the same in both (their runtime aside), so a comparison of
     * the two inventories can leave them out. A store may answer with more VMIDs than strictly differ, never fewer.
     * Blocks on the database.
     */
    default Set<Integer> differingGuests(StateKind a, StateKind b) {
        Map<Integer, Guest> left = new TreeMap<>();
        load(a).guests().forEach(g -> left.put(g.vmid(), g));
        Map<Integer, Guest> right = new TreeMap<>();
        load(b).guests().forEach(g -> right.put(g.vmid(), g));
        Set<Integer> out = new TreeSet<>();
        left.forEach((id, g) -> {
            Guest o = right.get(id);
            if (o == null || o.kind() != g.kind() || !o.node().equals(g.node()) || !o.pool().equals(g.pool())
                    || o.status() != g.status() || !o.config().equals(g.config())) {
                out.add(id);
            }
        });
        right.keySet().stream().filter(id -> !left.containsKey(id)).forEach(out::add);
        return out;
    }

    /** @return every named lock held now (stale ones included), by name; empty for a store without locks. */
    default List<LockStatus> locks() {
        return List.of();
    }
}
