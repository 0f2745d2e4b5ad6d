package dev.proxmoxmpc.spi.state;

import static org.apiguardian.api.API.Status.STABLE;

import dev.proxmoxmpc.spi.model.Inventory;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    /** @return every named lock held now (stale ones included), by name; empty for a store without locks. */
    default List<LockStatus> locks() {
        return List.of();
    }
}
