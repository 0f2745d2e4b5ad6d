package dev.proxmoxmpc.kernel.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.proxmoxmpc.spi.model.GuestRuntime;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.model.PowerState;
import dev.proxmoxmpc.spi.model.VirtualMachine;
import dev.proxmoxmpc.spi.state.JournalEntry;
import dev.proxmoxmpc.spi.state.LockHeldException;
import dev.proxmoxmpc.spi.state.SnapshotInfo;
import dev.proxmoxmpc.spi.state.StateException;
import dev.proxmoxmpc.spi.state.StateKind;
import dev.proxmoxmpc.spi.state.StateLock;
import dev.proxmoxmpc.spi.state.SyncRun;
import dev.proxmoxmpc.spi.testkit.MutableClock;
import dev.proxmoxmpc.spi.testkit.SampleInventories;
import dev.proxmoxmpc.spi.testkit.StateStoreContract;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The test kit's {@link StateStoreContract} plus what the kernel's MyBatis backends add: snapshot documents in
 * {@code .proxmox/history/}, database constraints, lock administration. One subclass per backend (SQLite, PostgreSQL).
 */
abstract class MyBatisStateStoreContract extends StateStoreContract {
    @TempDir
    Path dir;
    /** The store under test, typed as the backend (the contract's {@code store} is the same object). */
    MyBatisStateStore store;

    /** @return a fresh, empty, migrated store writing snapshot documents to {@code historyDir} */
    abstract MyBatisStateStore newStore(Path historyDir, MutableClock clock) throws Exception;

    @Override
    protected MyBatisStateStore newStore(MutableClock clock) throws Exception {
        store = newStore(history(), clock);
        return store;
    }

    Path history() {
        return dir.resolve("history");
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
    void aSnapshotTakenElsewhereLoadsFromTheDatabaseAndAMissingOneIsNamed() throws Exception {
        SnapshotInfo info = store.snapshot("apply", SampleInventories.cluster());
        Files.delete(history().resolve(info.id() + ".json"));
        assertThat(store.loadSnapshot(info.id())).contains(SampleInventories.cluster());
        store.inTransaction("forget the copy", m -> {
            m.insertSnapshot("20200101-000000-sync", "2020-01-01T00:00:00.000000000Z", "sync", 0, 0, 0,
                    "history/20200101-000000-sync.json", null, "");
            return null;
        });
        assertThatThrownBy(() -> store.loadSnapshot("20200101-000000-sync")).isInstanceOf(StateException.class)
                .hasMessageContaining("lost its document");
    }

    @Test
    void eachEnvironmentHasItsOwnObservedAndBaseStateAndSharesTheDesiredState() {
        MyBatisStateStore lab = store.forEnvironment("lab");
        MyBatisStateStore prod = store.forEnvironment("production");
        lab.saveAll(Map.of(StateKind.OBSERVED, SampleInventories.cluster(), StateKind.BASE, SampleInventories.cluster(),
                StateKind.DESIRED, SampleInventories.small()));
        prod.save(StateKind.OBSERVED, SampleInventories.small());

        assertThat(lab.load(StateKind.OBSERVED)).isEqualTo(SampleInventories.cluster());
        assertThat(prod.load(StateKind.OBSERVED)).isEqualTo(SampleInventories.small());
        assertThat(prod.load(StateKind.BASE)).isEqualTo(Inventory.empty());
        assertThat(prod.load(StateKind.DESIRED)).isEqualTo(SampleInventories.small());
        prod.save(StateKind.DESIRED, SampleInventories.cluster());
        assertThat(lab.load(StateKind.DESIRED)).isEqualTo(SampleInventories.cluster());
        assertThat(store.load(StateKind.OBSERVED)).isEqualTo(Inventory.empty());
    }

    @Test
    void eachEnvironmentHasItsOwnSnapshotsSyncRunsJournalAndLocks() {
        MyBatisStateStore lab = store.forEnvironment("lab");
        MyBatisStateStore prod = store.forEnvironment("production");
        SnapshotInfo labSnapshot = lab.snapshot("sync", SampleInventories.cluster());
        lab.recordSyncRun(new SyncRun(clock.instant(), "lab", 3, 2, 1, 1, 0));
        lab.journal(new JournalEntry("run-1", 1, clock.instant(), "create", "vm/100", "pve1", "create vm/100",
                JournalEntry.Status.INTENT, ""));

        assertThat(prod.snapshots()).isEmpty();
        assertThat(prod.loadSnapshot(labSnapshot.id())).isEmpty();
        assertThat(lab.snapshots()).containsExactly(labSnapshot);
        assertThat(prod.lastSyncRun()).isEmpty();
        assertThat(lab.lastSyncRun()).map(SyncRun::environment).contains("lab");
        assertThat(prod.openJournal()).isEmpty();
        assertThat(lab.openJournal()).hasSize(1);
        assertThat(store.snapshots()).containsExactly(labSnapshot);

        try (StateLock held = lab.lock("apply", "alice")) {
            try (StateLock other = prod.lock("apply", "bob")) {
                assertThat(prod.locks()).extracting(l -> l.owner()).containsExactly("bob");
            }
            assertThatThrownBy(() -> lab.lock("apply", "carol")).isInstanceOf(LockHeldException.class);
        }
    }

    @Test
    void stateOfNoEnvironmentIsClaimedOnceByTheFirstEnvironmentThatAsks() {
        store.saveAll(Map.of(StateKind.OBSERVED, SampleInventories.cluster(), StateKind.DESIRED, SampleInventories.small()));
        SnapshotInfo old = store.snapshot("sync", SampleInventories.cluster());

        store.claimUnassigned("lab");
        store.claimUnassigned("production");

        assertThat(store.forEnvironment("lab").load(StateKind.OBSERVED)).isEqualTo(SampleInventories.cluster());
        assertThat(store.forEnvironment("lab").snapshots()).containsExactly(old);
        assertThat(store.forEnvironment("production").load(StateKind.OBSERVED)).isEqualTo(Inventory.empty());
        assertThat(store.forEnvironment("production").load(StateKind.DESIRED)).isEqualTo(SampleInventories.small());
    }

    @Test
    void aFailingFileHashReplacementKeepsTheOldHashes() {
        store.saveFileHashes(Map.of("terraform/main.tf", "a".repeat(64)));
        assertThatThrownBy(() -> store.saveFileHashes(Map.of("x", "a".repeat(64), "y", "short")))
                .isInstanceOf(StateException.class);
        assertThat(store.fileHashes()).isEqualTo(Map.of("terraform/main.tf", "a".repeat(64)));
    }

    @Test
    void aLockHeldOnAnotherHostIsNotTakenOver() {
        store.inTransaction("seed", m -> {
            m.insertLock("apply", "", "carol", 1, "another-host.example", Times.format(clock.instant()));
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
            m.insertLock("apply", "", "crashed run", deadPid, LocalProcess.host(), Times.format(clock.instant()));
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
    void aClosedStoreSaysSo() {
        store.close();
        assertThatThrownBy(() -> store.load(StateKind.OBSERVED)).isInstanceOf(StateException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void snapshotsWriteADocumentBesideTheRow() throws Exception {
        SnapshotInfo info = store.snapshot("sync", SampleInventories.cluster());
        assertThat(history().resolve(info.id() + ".json")).isRegularFile();
        assertThat(Files.readString(history().resolve(info.id() + ".json"))).contains("\"cause\" : \"sync\"");
    }

    @Test
    void theLockHolderIsListedAndANewOwnerTakesAFreedLock() {
        try (StateLock held = store.lock("apply", "alice on host1")) {
            assertThatThrownBy(() -> store.lock("apply", "bob")).isInstanceOf(LockHeldException.class)
                    .hasMessageContaining("alice on host1").hasMessageContaining("/unlock apply");
            try (StateLock other = store.lock("backup", "bob")) {
                assertThat(store.lockHolder("backup")).get().extracting(LockInfo::owner).isEqualTo("bob");
            }
        }
        try (StateLock again = store.lock("apply", "bob")) {
            assertThat(store.lockHolder("apply")).get().extracting(LockInfo::owner).isEqualTo("bob");
        }
        assertThat(store.lockHolder("apply")).isEmpty();
    }
}
