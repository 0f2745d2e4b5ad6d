package dev.proxmoxmpc.kernel.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.proxmoxmpc.spi.model.GuestRuntime;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.model.PowerState;
import dev.proxmoxmpc.spi.model.VirtualMachine;
import dev.proxmoxmpc.spi.state.AuditEntry;
import dev.proxmoxmpc.spi.state.JournalEntry;
import dev.proxmoxmpc.spi.state.Event;
import dev.proxmoxmpc.spi.state.LockHeldException;
import dev.proxmoxmpc.spi.state.SnapshotInfo;
import dev.proxmoxmpc.spi.state.StateException;
import dev.proxmoxmpc.spi.state.StateKind;
import dev.proxmoxmpc.spi.state.StateLock;
import dev.proxmoxmpc.spi.state.SyncRun;
import dev.proxmoxmpc.spi.testkit.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The behaviour every state backend shares; one subclass per backend (SQLite, PostgreSQL). */
abstract class StateStoreContract {
    @TempDir
    Path dir;
    MutableClock clock = new MutableClock(Instant.parse("2026-11-25T20:35:41.123Z"));
    MyBatisStateStore store;

    /** @return a fresh, empty, migrated store writing snapshot documents to {@code historyDir} */
    abstract MyBatisStateStore newStore(Path historyDir, MutableClock clock) throws Exception;

    Path history() {
        return dir.resolve("history");
    }

    @BeforeEach
    void open() throws Exception {
        store = newStore(history(), clock);
    }

    @AfterEach
    void closeStore() {
        if (store != null) {
            store.close();
        }
    }

    @Test
    void loadsAnEmptyInventoryWhenNothingWasSaved() {
        assertThat(store.load(StateKind.OBSERVED)).isEqualTo(Inventory.empty());
    }

    @Test
    void roundTripsAnInventoryExactly() {
        Inventory inv = SampleInventories.cluster();
        store.save(StateKind.OBSERVED, inv);
        assertThat(store.load(StateKind.OBSERVED)).isEqualTo(inv);
        assertThat(store.load(StateKind.DESIRED)).isEqualTo(Inventory.empty());
    }

    @Test
    void saveReplacesThePreviousInventoryOfThatKindOnly() {
        store.save(StateKind.OBSERVED, SampleInventories.cluster());
        store.save(StateKind.DESIRED, SampleInventories.cluster());
        store.save(StateKind.OBSERVED, SampleInventories.small());
        assertThat(store.load(StateKind.OBSERVED)).isEqualTo(SampleInventories.small());
        assertThat(store.load(StateKind.DESIRED)).isEqualTo(SampleInventories.cluster());
    }

    @Test
    void saveAllReplacesSeveralInventoriesTogether() {
        store.saveAll(Map.of(StateKind.OBSERVED, SampleInventories.cluster(), StateKind.BASE, SampleInventories.small()));
        assertThat(store.load(StateKind.OBSERVED)).isEqualTo(SampleInventories.cluster());
        assertThat(store.load(StateKind.BASE)).isEqualTo(SampleInventories.small());
    }

    @Test
    void aSaveAllThatFailsHalfwayLeavesNothingHalfWritten() {
        store.saveAll(Map.of(StateKind.OBSERVED, SampleInventories.small(), StateKind.DESIRED, SampleInventories.small()));
        // OBSERVED is written first and would succeed; DESIRED breaks the vmid check constraint half-way through.
        Inventory bad = SampleInventories.cluster().withGuest(
                new VirtualMachine(5, "pve1", "", PowerState.STOPPED, Map.of("name", "bad"), GuestRuntime.NONE));
        Map<StateKind, Inventory> both = new LinkedHashMap<>();
        both.put(StateKind.OBSERVED, SampleInventories.cluster());
        both.put(StateKind.DESIRED, bad);
        assertThatThrownBy(() -> store.saveAll(both)).isInstanceOf(StateException.class).hasMessageContaining("save state");
        assertThat(store.load(StateKind.OBSERVED)).isEqualTo(SampleInventories.small());
        assertThat(store.load(StateKind.DESIRED)).isEqualTo(SampleInventories.small());
    }

    @Test
    void listsEventsNewestFirstUpToTheLimit() {
        for (int i = 0; i < 5; i++) {
            store.appendEvent(new Event(clock.instant(), "sync", "vm/" + (100 + i), "event " + i));
            clock.advance(Duration.ofMillis(1));
        }
        List<Event> events = store.events(3);
        assertThat(events).extracting(Event::detail).containsExactly("event 4", "event 3", "event 2");
        assertThat(events.get(0).time()).isEqualTo(Instant.parse("2026-11-25T20:35:41.127Z"));
    }

    @Test
    void snapshotsWriteADocumentAndARowAndLoadBack() throws Exception {
        SnapshotInfo info = store.snapshot("sync", SampleInventories.cluster());
        assertThat(info.id()).isEqualTo("20261125-203541-sync");
        assertThat(info.vms()).isEqualTo(2);
        assertThat(info.containers()).isEqualTo(1);
        assertThat(info.nodes()).isEqualTo(2);
        assertThat(history().resolve(info.id() + ".json")).isRegularFile();
        assertThat(Files.readString(history().resolve(info.id() + ".json"))).contains("\"cause\" : \"sync\"");
        assertThat(store.loadSnapshot(info.id())).contains(SampleInventories.cluster());
        assertThat(store.loadSnapshot("20990101-000000-none")).isEmpty();
        assertThat(store.loadSnapshot("../../etc/passwd")).isEmpty();
    }

    @Test
    void aSnapshotTakenElsewhereLoadsFromTheDatabaseAndAMissingOneIsNamed() throws Exception {
        SnapshotInfo info = store.snapshot("apply", SampleInventories.cluster());
        Files.delete(history().resolve(info.id() + ".json"));
        assertThat(store.loadSnapshot(info.id())).contains(SampleInventories.cluster());
        store.inTransaction("forget the copy", m -> {
            m.insertSnapshot("20200101-000000-sync", "2020-01-01T00:00:00.000000000Z", "sync", 0, 0, 0,
                    "history/20200101-000000-sync.json", null);
            return null;
        });
        assertThatThrownBy(() -> store.loadSnapshot("20200101-000000-sync")).isInstanceOf(StateException.class)
                .hasMessageContaining("lost its document");
    }

    @Test
    void snapshotsInTheSameSecondGetDistinctIdsAndListNewestFirst() {
        SnapshotInfo a = store.snapshot("sync", SampleInventories.small());
        SnapshotInfo b = store.snapshot("sync", SampleInventories.cluster());
        clock.advance(Duration.ofSeconds(2));
        SnapshotInfo c = store.snapshot("apply", SampleInventories.small());
        assertThat(b.id()).isEqualTo(a.id() + "-2");
        assertThat(store.snapshots()).extracting(SnapshotInfo::id).containsExactly(c.id(), b.id(), a.id());
        assertThat(store.snapshots().get(0)).isEqualTo(c);
    }

    @Test
    void replacesFileHashes() {
        String h1 = "a".repeat(64);
        String h2 = "b".repeat(64);
        store.saveFileHashes(Map.of("terraform/main.tf", h1, "ansible/site.yml", h2));
        store.saveFileHashes(Map.of("terraform/main.tf", h2));
        assertThat(store.fileHashes()).isEqualTo(Map.of("terraform/main.tf", h2));
    }

    @Test
    void aFailingFileHashReplacementKeepsTheOldHashes() {
        store.saveFileHashes(Map.of("terraform/main.tf", "a".repeat(64)));
        assertThatThrownBy(() -> store.saveFileHashes(Map.of("x", "a".repeat(64), "y", "short")))
                .isInstanceOf(StateException.class);
        assertThat(store.fileHashes()).isEqualTo(Map.of("terraform/main.tf", "a".repeat(64)));
    }

    @Test
    void remembersTheLastSyncRun() {
        assertThat(store.lastSyncRun()).isEmpty();
        store.recordSyncRun(new SyncRun(clock.instant(), "default", 1, 2, 3, 4, 5));
        SyncRun last = new SyncRun(clock.instant().plusSeconds(1), "production", 2, 3, 4, 0, 0);
        store.recordSyncRun(last);
        assertThat(store.lastSyncRun()).contains(last);
    }

    @Test
    void journalIntentBecomesItsOutcomeAndOnlyOpenEntriesAreReconciled() {
        JournalEntry intent = new JournalEntry("run-1", 1, clock.instant(), "CREATE", "vm/112", "pve1", "create vm/112 kill-1",
                JournalEntry.Status.INTENT, "");
        JournalEntry second = new JournalEntry("run-1", 2, clock.instant(), "CREATE", "vm/113", "pve1", "create vm/113 kill-2",
                JournalEntry.Status.INTENT, "");
        store.journal(intent);
        store.journal(second);
        assertThat(store.openJournal()).containsExactly(intent, second);
        JournalEntry done = intent.settled(JournalEntry.Status.SUCCEEDED, "UPID:pve1:0001", clock.instant().plusSeconds(1));
        store.journal(done);
        assertThat(store.openJournal()).containsExactly(second);
        assertThat(store.journalEntries(10)).hasSize(2).contains(done, second);
        store.journal(second.settled(JournalEntry.Status.ADOPTED, "found on the server", clock.instant().plusSeconds(2)));
        assertThat(store.openJournal()).isEmpty();
        assertThat(store.journalEntries(1)).singleElement().satisfies(e -> assertThat(e.status()).isEqualTo(JournalEntry.Status.ADOPTED));
    }

    @Test
    void listsAuditEntriesNewestFirst() {
        AuditEntry a = new AuditEntry(clock.instant(), "alice", "root@pam!mpc", "apply", "vm/101", "ok", 1234);
        AuditEntry b = new AuditEntry(clock.instant().plusMillis(5), "bob", "", "rollback", "cluster", "failed: x", 7);
        store.appendAudit(a);
        store.appendAudit(b);
        assertThat(store.auditEntries(10)).containsExactly(b, a);
        assertThat(store.auditEntries(1)).containsExactly(b);
    }

    @Test
    void aLockHeldByAnotherLiveOwnerNamesTheHolder() {
        try (StateLock held = store.lock("apply", "alice on host1")) {
            assertThatThrownBy(() -> store.lock("apply", "bob"))
                    .isInstanceOf(LockHeldException.class)
                    .hasMessageContaining("alice on host1")
                    .hasMessageContaining("/unlock apply");
            try (StateLock other = store.lock("backup", "bob")) {
                assertThat(store.lockHolder("backup")).get().extracting(LockInfo::owner).isEqualTo("bob");
            }
        }
        try (StateLock again = store.lock("apply", "bob")) {
            assertThat(store.lockHolder("apply")).get().extracting(LockInfo::owner).isEqualTo("bob");
        }
        assertThat(store.lockHolder("apply")).isEmpty();
    }

    @Test
    void aLockHeldOnAnotherHostIsNotTakenOver() {
        store.inTransaction("seed", m -> {
            m.insertLock("apply", "carol", 1, "another-host.example", Times.format(clock.instant()));
            return null;
        });
        assertThatThrownBy(() -> store.lock("apply", "bob")).isInstanceOf(LockHeldException.class)
                .hasMessageContaining("carol (pid 1 on another-host.example)");
    }

    @Test
    void aStaleLockWhoseProcessIsGoneIsTakenOver() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        long deadPid = gone.pid();
        store.inTransaction("seed", m -> {
            m.insertLock("apply", "crashed run", deadPid, LocalProcess.host(), Times.format(clock.instant()));
            return null;
        });
        assertThat(store.lockHolder("apply")).get().extracting(LockInfo::stale).isEqualTo(true);
        assertThat(store.locks()).singleElement().satisfies(l -> {
            assertThat(l.stale()).isTrue();
            assertThat(l.pid()).isEqualTo(deadPid);
            assertThat(l.host()).isEqualTo(LocalProcess.host());
            assertThat(l.describe()).startsWith("stale apply lock of crashed run (pid " + deadPid + " on ");
        });
        try (StateLock lock = store.lock("apply", "bob")) {
            assertThat(store.lockHolder("apply")).get().extracting(LockInfo::owner).isEqualTo("bob");
            assertThat(lock.takenOver()).get().satisfies(t -> {
                assertThat(t.owner()).isEqualTo("crashed run");
                assertThat(t.pid()).isEqualTo(deadPid);
            });
            assertThat(store.locks()).singleElement().satisfies(l -> {
                assertThat(l.stale()).isFalse();
                assertThat(l.pid()).isEqualTo(ProcessHandle.current().pid());
                assertThat(l.since()).isEqualTo(clock.instant());
            });
        }
        assertThat(store.locks()).isEmpty();
    }

    @Test
    void forceUnlockClearsALock() {
        store.lock("apply", "alice");
        assertThat(store.forceUnlock("apply")).isTrue();
        assertThat(store.forceUnlock("apply")).isFalse();
        store.lock("apply", "bob").close();
    }

    @Test
    void concurrentWritersAllLand() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    store.snapshot("sync", SampleInventories.small());
                    for (int i = 0; i < 20; i++) {
                        store.appendEvent(new Event(clock.instant(), "sync", "", thread + "-" + i));
                        if (i % 5 == 0) {
                            store.save(StateKind.OBSERVED, thread % 2 == 0 ? SampleInventories.small() : SampleInventories.cluster());
                        }
                    }
                    return null;
                }));
            }
            for (var f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(store.events(1000)).hasSize(80);
        assertThat(store.snapshots()).hasSize(4).allSatisfy(s -> assertThat(store.loadSnapshot(s.id())).isPresent());
        assertThat(store.load(StateKind.OBSERVED)).isIn(SampleInventories.small(), SampleInventories.cluster());
    }

    @Test
    void aClosedStoreSaysSo() {
        store.close();
        assertThatThrownBy(() -> store.load(StateKind.OBSERVED)).isInstanceOf(StateException.class)
                .hasMessageContaining("closed");
    }
}
