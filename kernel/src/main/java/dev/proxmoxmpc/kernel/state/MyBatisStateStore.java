package dev.proxmoxmpc.kernel.state;

import dev.proxmoxmpc.kernel.files.AtomicFiles;
import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.state.AuditEntry;
import dev.proxmoxmpc.spi.state.JournalEntry;
import dev.proxmoxmpc.spi.state.LockStatus;
import dev.proxmoxmpc.spi.state.Event;
import dev.proxmoxmpc.spi.state.GuestCount;
import dev.proxmoxmpc.spi.state.GuestQuery;
import dev.proxmoxmpc.spi.state.LockHeldException;
import dev.proxmoxmpc.spi.state.SnapshotInfo;
import dev.proxmoxmpc.spi.state.StateException;
import dev.proxmoxmpc.spi.state.StateKind;
import dev.proxmoxmpc.spi.state.StateLock;
import dev.proxmoxmpc.spi.state.StateStore;
import dev.proxmoxmpc.spi.state.SyncRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/**
 * The {@link StateStore} on MyBatis, the same code for SQLite and PostgreSQL. Each method runs in one
 * transaction: committed whole, or rolled back on any failure. Snapshot documents go to the history directory.
 *
 * <p>A store acts for one environment ({@link #forEnvironment}): its observed and base state, snapshots, sync runs,
 * apply journal and locks are that environment's; the desired state is the project's, shared by all. The store
 * {@link StateStores} opens is unscoped (environment {@code ""}): its observed and base state are those of no
 * environment (state written before schema 5, until {@link #claimUnassigned} gives it to one), and its history reads
 * (snapshots, sync runs, journal) list every environment's.
 */
public final class MyBatisStateStore implements StateStore, LockAdmin, AutoCloseable {
    private final SqlSessionFactory sessions;
    private final Runnable closer;
    private final Path historyDir;
    private final Clock clock;
    private final String shownName;
    private final boolean postgresql;
    private final String environment;
    private final MyBatisStateStore root;
    private volatile boolean closed;

    MyBatisStateStore(SqlSessionFactory sessions, Runnable closer, Path historyDir, Clock clock, String shownName,
                      boolean postgresql) {
        this(sessions, closer, historyDir, clock, shownName, postgresql, "", null);
    }

    private MyBatisStateStore(SqlSessionFactory sessions, Runnable closer, Path historyDir, Clock clock, String shownName,
                              boolean postgresql, String environment, MyBatisStateStore root) {
        this.postgresql = postgresql;
        this.sessions = sessions;
        this.closer = closer;
        this.historyDir = historyDir;
        this.clock = clock;
        this.shownName = shownName;
        this.environment = environment;
        this.root = root == null ? this : root;
    }

    /**
     * @param name an environment of the project
     * @return this store acting for that environment (same connections; closing it closes nothing)
     */
    public MyBatisStateStore forEnvironment(String name) {
        if (name.isEmpty()) {
            throw new IllegalArgumentException("an environment needs a name");
        }
        return new MyBatisStateStore(sessions, () -> { }, historyDir, clock, shownName, postgresql, name, root);
    }

    /** @return the environment this store acts for, {@code ""} when unscoped */
    public String environment() {
        return environment;
    }

    /**
     * Gives the observed and base state, snapshots and journal entries of no environment (written before schema 5,
     * when a project had one state) to {@code name}, unless it has its own already. Idempotent.
     */
    public void claimUnassigned(String name) {
        write("assign the state to environment " + name, m -> {
            m.claimInventories(name);
            m.claimSnapshots(name);
            m.claimJournal(name);
        });
    }

    /** Runs {@code work} in one transaction; any failure rolls everything back and becomes a {@link StateException}. */
    <T> T inTransaction(String what, Function<StateMapper, T> work) {
        return inTransaction(what, ExecutorType.REUSE, work);
    }

    /** As above; {@link ExecutorType#BATCH} sends the statements of bulk writes together (no row counts). */
    <T> T inTransaction(String what, ExecutorType executor, Function<StateMapper, T> work) {
        if (closed || root.closed) {
            throw new StateException("the state store " + shownName + " is closed");
        }
        try (SqlSession s = sessions.openSession(executor, false)) {
            try {
                T result = work.apply(s.getMapper(StateMapper.class));
                s.flushStatements();
                s.commit(true);
                return result;
            } catch (RuntimeException e) {
                s.rollback(true);
                throw e;
            }
        } catch (StateException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new StateException("cannot " + what + " in " + shownName + ": " + StateErrors.describe(e), e);
        }
    }

    private void write(String what, Consumer<StateMapper> work) {
        inTransaction(what, ExecutorType.BATCH, m -> {
            work.accept(m);
            return null;
        });
    }

    @Override
    public Inventory load(StateKind kind) {
        return inTransaction("load the " + InventoryTables.kind(kind) + " inventory", m -> InventoryTables.load(m, kind, environment));
    }

    @Override
    public Optional<Guest> guest(StateKind kind, int vmid) {
        return inTransaction("read guest " + vmid, m -> GuestQueries.guest(m, kind, environment, vmid));
    }

    @Override
    public List<Guest> guests(StateKind kind, GuestQuery query) {
        return inTransaction("read guests", m -> GuestQueries.select(m, kind, environment, query));
    }

    @Override
    public List<GuestCount> guestCounts(StateKind kind) {
        return inTransaction("count guests", m -> GuestQueries.counts(m, kind, environment));
    }

    @Override
    public Inventory infrastructure(StateKind kind) {
        return inTransaction("load the " + InventoryTables.kind(kind) + " inventory", m -> InventoryTables.infrastructure(m, kind, environment));
    }

    @Override
    public Set<Integer> differingGuests(StateKind a, StateKind b) {
        return inTransaction("compare guests", m -> GuestQueries.differing(m, a, b, environment));
    }

    @Override
    public void save(StateKind kind, Inventory inventory) {
        saveAll(Map.of(kind, inventory));
    }

    @Override
    public void saveAll(Map<StateKind, Inventory> inventories) {
        Map<StateKind, Inventory> ordered = new EnumMap<>(inventories);
        String now = Times.format(clock.instant());
        write("save state", m -> ordered.forEach((kind, inv) -> InventoryTables.replace(m, kind, environment, inv, now)));
    }

    @Override
    public void appendEvent(Event e) {
        write("append an event", m -> m.insertEvent(Times.format(e.time()), e.type(), e.target(), e.detail()));
    }

    @Override
    public List<Event> events(int limit) {
        return inTransaction("read events", m -> m.events(Math.max(0, limit)).stream()
                .map(r -> new Event(Rows.instant(r, "time"), Rows.text(r, "type"), Rows.text(r, "target"),
                        Rows.text(r, "detail")))
                .toList());
    }

    @Override
    public SnapshotInfo snapshot(String cause, Inventory inventory) {
        return new Snapshots(this, historyDir, clock).take(cause, inventory);
    }

    @Override
    public List<SnapshotInfo> snapshots() {
        return inTransaction("list snapshots", m -> m.snapshots(environment).stream().map(Snapshots::info).toList());
    }

    @Override
    public Optional<Inventory> loadSnapshot(String id) {
        return new Snapshots(this, historyDir, clock).load(id);
    }

    @Override
    public Map<String, String> fileHashes() {
        return inTransaction("read file hashes", m -> {
            Map<String, String> out = new TreeMap<>();
            m.fileHashes().forEach(r -> out.put(Rows.text(r, "path"), Rows.text(r, "sha256")));
            return out;
        });
    }

    @Override
    public void saveFileHashes(Map<String, String> hashes) {
        Map<String, String> sorted = new TreeMap<>(hashes);
        write("save file hashes", m -> {
            if (postgresql) {
                m.lockFileHashes();
            }
            m.deleteFileHashes();
            sorted.forEach(m::insertFileHash);
        });
    }

    @Override
    public void recordSyncRun(SyncRun run) {
        write("record a sync run", m -> m.insertSyncRun(Times.format(run.time()), run));
    }

    @Override
    public Optional<SyncRun> lastSyncRun() {
        return inTransaction("read the last sync run", m -> Optional.ofNullable(m.lastSyncRun(environment))
                .map(r -> new SyncRun(Rows.instant(r, "time"), Rows.text(r, "environment"), Rows.integer(r, "nodes"),
                        Rows.integer(r, "vms"), Rows.integer(r, "containers"), Rows.integer(r, "drifted"),
                        Rows.integer(r, "conflicts"))));
    }

    @Override
    public void appendAudit(AuditEntry entry) {
        write("append an audit entry", m -> m.insertAudit(Times.format(entry.time()), entry));
    }

    @Override
    public void journal(JournalEntry entry) {
        write("write the apply journal", m -> m.upsertJournal(Times.format(entry.time()), entry.status().name(), entry, environment));
    }

    @Override
    public List<JournalEntry> openJournal() {
        return inTransaction("read the apply journal", m -> m.openJournal(environment).stream().map(MyBatisStateStore::journalEntry).toList());
    }

    @Override
    public List<JournalEntry> journalEntries(int limit) {
        return inTransaction("read the apply journal", m -> m.journal(Math.max(0, limit), environment).stream()
                .map(MyBatisStateStore::journalEntry).toList());
    }

    private static JournalEntry journalEntry(Map<String, Object> r) {
        return new JournalEntry(Rows.text(r, "run_id"), Rows.integer(r, "seq"), Rows.instant(r, "time"), Rows.text(r, "action"),
                Rows.text(r, "target"), Rows.text(r, "node"), Rows.text(r, "summary"),
                JournalEntry.Status.valueOf(Rows.text(r, "status")), Rows.text(r, "detail"));
    }

    @Override
    public List<AuditEntry> auditEntries(int limit) {
        return inTransaction("read the audit log", m -> m.audit(Math.max(0, limit)).stream()
                .map(r -> new AuditEntry(Rows.instant(r, "time"), Rows.text(r, "os_user"), Rows.text(r, "token_id"),
                        Rows.text(r, "action"), Rows.text(r, "target"), Rows.text(r, "result"),
                        Rows.number(r, "duration_ms")))
                .toList());
    }

    @Override
    public List<LockStatus> locks() {
        return new StateLocks(this, clock).all().stream()
                .map(i -> new LockStatus(i.name(), i.owner(), i.pid(), i.host(), i.since(), i.stale())).toList();
    }

    @Override
    public StateLock lock(String name, String owner) {
        return new StateLocks(this, clock).take(name, owner);
    }

    @Override
    public Optional<LockInfo> lockHolder(String name) {
        return new StateLocks(this, clock).holder(name);
    }

    @Override
    public boolean forceUnlock(String name) {
        return inTransaction("remove the " + name + " lock", m -> m.deleteAnyLock(name, environment) > 0);
    }

    /** Closes the connections. Never throws. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            closer.run();
        }
    }

    /** Writes a JSON document atomically (used for snapshots). */
    static void writeDocument(Path file, String json) {
        try {
            AtomicFiles.write(file, json.getBytes(StandardCharsets.UTF_8), null);
        } catch (IOException e) {
            throw new StateException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    static String readDocument(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StateException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
