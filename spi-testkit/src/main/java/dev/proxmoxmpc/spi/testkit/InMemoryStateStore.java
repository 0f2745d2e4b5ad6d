package dev.proxmoxmpc.spi.testkit;

import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.state.AuditEntry;
import dev.proxmoxmpc.spi.state.Event;
import dev.proxmoxmpc.spi.state.JournalEntry;
import dev.proxmoxmpc.spi.state.LockStatus;
import dev.proxmoxmpc.spi.state.LockHeldException;
import dev.proxmoxmpc.spi.state.SnapshotInfo;
import dev.proxmoxmpc.spi.state.StateKind;
import dev.proxmoxmpc.spi.state.StateLock;
import dev.proxmoxmpc.spi.state.StateStore;
import dev.proxmoxmpc.spi.state.SyncRun;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A {@link StateStore} in memory, for unit tests of extensions. Thread-safe (synchronised). */
public final class InMemoryStateStore implements StateStore {
    private static final DateTimeFormatter ID = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    private final Clock clock;
    private final Map<StateKind, Inventory> inventories = new EnumMap<>(StateKind.class);
    private final List<Event> events = new ArrayList<>();
    private final Map<String, Inventory> snapshotData = new LinkedHashMap<>();
    private final List<SnapshotInfo> snapshots = new ArrayList<>();
    private final Map<String, String> hashes = new HashMap<>();
    private final List<SyncRun> syncRuns = new ArrayList<>();
    private final List<AuditEntry> audit = new ArrayList<>();
    private final Map<String, JournalEntry> journal = new LinkedHashMap<>();
    private final Map<String, String> locks = new HashMap<>();
    private final Map<String, Instant> lockTimes = new HashMap<>();
    private final Map<String, LockStatus> stale = new HashMap<>();

    public InMemoryStateStore() {
        this(Clock.systemUTC());
    }

    public InMemoryStateStore(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized Inventory load(StateKind kind) {
        return inventories.getOrDefault(kind, Inventory.empty());
    }

    @Override
    public synchronized void save(StateKind kind, Inventory inventory) {
        inventories.put(kind, inventory);
    }

    @Override
    public synchronized void saveAll(Map<StateKind, Inventory> all) {
        inventories.putAll(all);
    }

    @Override
    public synchronized void appendEvent(Event event) {
        events.add(event);
    }

    @Override
    public synchronized List<Event> events(int limit) {
        List<Event> copy = new ArrayList<>(events);
        Collections.reverse(copy);
        return List.copyOf(copy.subList(0, Math.min(limit, copy.size())));
    }

    @Override
    public synchronized SnapshotInfo snapshot(String cause, Inventory inventory) {
        Instant now = clock.instant();
        String id = ID.format(now) + "-" + cause;
        int n = 2;
        while (snapshotData.containsKey(id)) {
            id = ID.format(now) + "-" + cause + "-" + n++;
        }
        long vms = inventory.guests().stream().filter(g -> g.kind() == dev.proxmoxmpc.spi.model.GuestKind.VM).count();
        SnapshotInfo info = new SnapshotInfo(id, now, cause, inventory.nodes().size(), (int) vms,
                (int) (inventory.guests().size() - vms));
        snapshotData.put(id, inventory);
        snapshots.add(info);
        return info;
    }

    @Override
    public synchronized List<SnapshotInfo> snapshots() {
        List<SnapshotInfo> copy = new ArrayList<>(snapshots);
        Collections.reverse(copy);
        return List.copyOf(copy);
    }

    @Override
    public synchronized Optional<Inventory> loadSnapshot(String id) {
        return Optional.ofNullable(snapshotData.get(id));
    }

    @Override
    public synchronized Map<String, String> fileHashes() {
        return Map.copyOf(hashes);
    }

    @Override
    public synchronized void saveFileHashes(Map<String, String> newHashes) {
        hashes.clear();
        hashes.putAll(newHashes);
    }

    @Override
    public synchronized void recordSyncRun(SyncRun run) {
        syncRuns.add(run);
    }

    @Override
    public synchronized Optional<SyncRun> lastSyncRun() {
        return syncRuns.isEmpty() ? Optional.empty() : Optional.of(syncRuns.get(syncRuns.size() - 1));
    }

    @Override
    public synchronized void appendAudit(AuditEntry entry) {
        audit.add(entry);
    }

    @Override
    public synchronized void journal(JournalEntry entry) {
        String key = entry.run() + "#" + entry.seq();
        journal.remove(key); // a rewrite counts as the newest
        journal.put(key, entry);
    }

    @Override
    public synchronized List<JournalEntry> openJournal() {
        return journal.values().stream().filter(e -> e.status().open())
                .sorted(java.util.Comparator.comparing(JournalEntry::run).thenComparingInt(JournalEntry::seq)).toList();
    }

    @Override
    public synchronized List<JournalEntry> journalEntries(int limit) {
        List<JournalEntry> copy = new ArrayList<>(journal.values());
        Collections.reverse(copy);
        return List.copyOf(copy.subList(0, Math.min(limit, copy.size())));
    }

    @Override
    public synchronized List<AuditEntry> auditEntries(int limit) {
        List<AuditEntry> copy = new ArrayList<>(audit);
        Collections.reverse(copy);
        return List.copyOf(copy.subList(0, Math.min(limit, copy.size())));
    }

    @Override
    public synchronized StateLock lock(String name, String owner) {
        String holder = locks.get(name);
        java.util.Optional<LockStatus> replaced = java.util.Optional.ofNullable(stale.remove(name));
        if (holder != null && replaced.isEmpty()) {
            throw new LockHeldException(name, holder, lockTimes.get(name));
        }
        locks.put(name, owner);
        lockTimes.put(name, clock.instant());
        return new StateLock() {
            @Override
            public java.util.Optional<LockStatus> takenOver() {
                return replaced;
            }

            @Override
            public void close() {
                synchronized (InMemoryStateStore.this) {
                    locks.remove(name);
                    lockTimes.remove(name);
                }
            }
        };
    }

    /** Leaves a lock as a killed process would: held by {@code owner}, whose process is gone (stale). */
    public synchronized void leaveStaleLock(String name, String owner, long pid, String host) {
        locks.put(name, owner);
        lockTimes.put(name, clock.instant());
        stale.put(name, new LockStatus(name, owner, pid, host, clock.instant(), true));
    }

    @Override
    public synchronized List<LockStatus> locks() {
        List<LockStatus> out = new ArrayList<>();
        new java.util.TreeMap<>(locks).forEach((name, owner) -> out.add(stale.containsKey(name) ? stale.get(name)
                : new LockStatus(name, owner, ProcessHandle.current().pid(), "localhost", lockTimes.get(name), false)));
        return out;
    }

    /** @return the guests of one inventory kind, for assertions. */
    public synchronized List<Guest> guests(StateKind kind) {
        return load(kind).guests();
    }
}
