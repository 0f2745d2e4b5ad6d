package dev.proxmoxmpc.spi.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.GuestKind;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.state.AuditEntry;
import dev.proxmoxmpc.spi.state.JournalEntry;
import dev.proxmoxmpc.spi.state.Event;
import dev.proxmoxmpc.spi.state.GuestCount;
import dev.proxmoxmpc.spi.state.GuestQuery;
import dev.proxmoxmpc.spi.state.LockHeldException;
import dev.proxmoxmpc.spi.state.SnapshotInfo;
import dev.proxmoxmpc.spi.state.StateKind;
import dev.proxmoxmpc.spi.state.StateLock;
import dev.proxmoxmpc.spi.state.StateStore;
import dev.proxmoxmpc.spi.state.SyncRun;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link StateStore} shares, typed on the SPI: subclass it once per backend (the kernel runs it on
 * SQLite and PostgreSQL, this kit on {@link InMemoryStateStore}) and return a fresh, empty store from
 * {@link #newStore}. Backend-specific behaviour (files, constraints, lock administration) goes in the subclass.
 */
public abstract class StateStoreContract {
    /** The store's clock, at 2026-11-25T20:35:41.123Z; tests advance it. */
    protected final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T20:35:41.123Z"));
    /** The store under test, fresh for each test. */
    protected StateStore store;

    /** @return a fresh, empty store reading time from {@code clock} */
    protected abstract StateStore newStore(MutableClock clock) throws Exception;

    @BeforeEach
    void openStore() throws Exception {
        store = newStore(clock);
    }

    @AfterEach
    void closeStore() throws Exception {
        if (store instanceof AutoCloseable c) {
            c.close();
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
    void snapshotsRecordTheirCountsAndLoadBack() {
        SnapshotInfo info = store.snapshot("sync", SampleInventories.cluster());
        assertThat(info.id()).isEqualTo("20261125-203541-sync");
        assertThat(info.vms()).isEqualTo(2);
        assertThat(info.containers()).isEqualTo(1);
        assertThat(info.nodes()).isEqualTo(2);
        assertThat(store.loadSnapshot(info.id())).contains(SampleInventories.cluster());
        assertThat(store.loadSnapshot("20990101-000000-none")).isEmpty();
        assertThat(store.loadSnapshot("../../etc/passwd")).isEmpty();
    }

    @Test
    void aLockHeldByAnotherOwnerNamesTheHolderAndIsFreeAfterClose() {
        try (StateLock held = store.lock("apply", "alice on host1")) {
            assertThatThrownBy(() -> store.lock("apply", "bob"))
                    .isInstanceOf(LockHeldException.class)
                    .hasMessageContaining("alice on host1");
            assertThat(store.locks()).singleElement().satisfies(l -> {
                assertThat(l.name()).isEqualTo("apply");
                assertThat(l.owner()).isEqualTo("alice on host1");
                assertThat(l.stale()).isFalse();
            });
            store.lock("backup", "bob").close();
        }
        assertThat(store.locks()).isEmpty();
        store.lock("apply", "bob").close();
    }

    // Reads of some guests: each must give exactly what a full load and a filter in Java give.

    @Test
    void guestQueriesSelectExactlyWhatAFullScanSelects() {
        Inventory many = SampleInventories.many(120);
        store.save(StateKind.OBSERVED, many);
        List<GuestQuery> queries = List.of(GuestQuery.all(), GuestQuery.all().kind(GuestKind.VM),
                GuestQuery.all().kind(GuestKind.CONTAINER).node("pve2"), GuestQuery.all().pool("prod"),
                GuestQuery.all().tags(List.of("prod")), GuestQuery.all().tags(List.of("web", "prod")),
                GuestQuery.all().tags(List.of("a_b")), GuestQuery.all().tags(List.of("nope")), GuestQuery.all().name("vm-3"),
                GuestQuery.all().name("ct-1").kind(GuestKind.CONTAINER), GuestQuery.all().node("pve9"),
                GuestQuery.all().vmids(Set.of(100, 105, 219, 5000)), GuestQuery.all().vmids(Set.of()),
                GuestQuery.all().vmids(java.util.stream.IntStream.range(90, 900).boxed().collect(java.util.stream.Collectors.toSet())));
        for (GuestQuery q : queries) {
            List<Guest> expected = q.select(many.guests());
            assertThat(store.guests(StateKind.OBSERVED, q)).as(q.toString()).isEqualTo(expected);
            for (int[] page : new int[][] {{0, 7}, {7, 7}, {50, 100}, {119, 5}, {500, 1}, {3, 0}}) {
                GuestQuery paged = q.page(page[0], page[1]);
                assertThat(store.guests(StateKind.OBSERVED, paged)).as(paged.toString())
                        .isEqualTo(expected.stream().skip(page[0]).limit(page[1]).toList());
            }
        }
        assertThat(store.guests(StateKind.DESIRED, GuestQuery.all())).isEmpty();
    }

    @Test
    void aGuestIsReadByVmidAlone() {
        Inventory many = SampleInventories.many(30);
        store.save(StateKind.OBSERVED, many);
        assertThat(store.guest(StateKind.OBSERVED, 117)).isEqualTo(many.guest(117));
        assertThat(store.guest(StateKind.OBSERVED, 99)).isEmpty();
        assertThat(store.guest(StateKind.DESIRED, 117)).isEmpty();
        assertThat(store.infrastructure(StateKind.OBSERVED)).isEqualTo(many.withGuests(List.of()));
    }

    @Test
    void guestCountsEqualTheCountOfTheLoadedGuests() {
        Inventory many = SampleInventories.many(120);
        store.save(StateKind.OBSERVED, many);
        store.save(StateKind.DESIRED, SampleInventories.cluster());
        assertThat(store.guestCounts(StateKind.OBSERVED)).isEqualTo(GuestCount.of(many.guests()))
                .extracting(GuestCount::count).doesNotContain(0);
        assertThat(store.guestCounts(StateKind.DESIRED)).isEqualTo(GuestCount.of(SampleInventories.cluster().guests()));
        assertThat(store.guestCounts(StateKind.BASE)).isEmpty();
    }

    @Test
    void differingGuestsNameEveryGuestThatIsNotTheSameInBoth() {
        Inventory many = SampleInventories.many(40);
        Guest moved = many.guest(103).orElseThrow();
        Guest changed = many.guest(110).orElseThrow();
        Inventory other = many.withoutGuest(100).withoutGuest(103).withoutGuest(110)
                .withGuest(moved.withNode("pve9"))
                .withGuest(changed.withConfigValue("memory", "99"))
                .withGuest(new dev.proxmoxmpc.spi.model.VirtualMachine(7000, "pve1", "", dev.proxmoxmpc.spi.model.PowerState.STOPPED,
                        Map.of("name", "new"), dev.proxmoxmpc.spi.model.GuestRuntime.NONE));
        store.save(StateKind.OBSERVED, many);
        store.save(StateKind.DESIRED, other);
        assertThat(store.differingGuests(StateKind.DESIRED, StateKind.OBSERVED)).containsExactlyInAnyOrder(100, 103, 110, 7000);
        assertThat(store.differingGuests(StateKind.OBSERVED, StateKind.OBSERVED)).isEmpty();
    }

    @Test
    void saveWritesEachChangeOverAStoredInventoryAsAFullReplaceWould() {
        Inventory many = SampleInventories.many(40)
                .withStorage(new dev.proxmoxmpc.spi.model.Storage("local", "dir", Map.of("path", "/var/lib/vz")))
                .withNetwork(new dev.proxmoxmpc.spi.model.Network("pve1", "vmbr0", "bridge", Map.of("autostart", "1")))
                .withObject(new dev.proxmoxmpc.spi.model.ClusterObject("backup-job", "", "daily", Map.of("schedule", "02:00")));
        Guest container = many.guest(101).orElseThrow();
        Inventory other = new Inventory(many.cluster(), List.of(many.nodes().get(0),
                new dev.proxmoxmpc.spi.model.Node("pve2", "online", 8, 1L << 34, 1L << 35, 99, "c"), many.nodes().get(2)),
                many.guests(), List.of(new dev.proxmoxmpc.spi.model.Storage("local", "dir", Map.of("path", "/srv"))),
                many.networks(), List.of(new dev.proxmoxmpc.spi.model.Pool("prod", "production"),
                new dev.proxmoxmpc.spi.model.Pool("dev", "")), many.objects())
                .withoutGuest(100).withoutGuest(101)
                .withGuest(new dev.proxmoxmpc.spi.model.VirtualMachine(101, "pve2", "", dev.proxmoxmpc.spi.model.PowerState.RUNNING,
                        Map.of("name", container.name(), "cores", "x"), dev.proxmoxmpc.spi.model.GuestRuntime.NONE))
                .withGuest(many.guest(103).orElseThrow().withNode("pve9"))
                .withGuest(many.guest(104).orElseThrow().withStatus(dev.proxmoxmpc.spi.model.PowerState.STOPPED))
                .withGuest(many.guest(105).orElseThrow().withPool("prod"))
                .withGuest(many.guest(106).orElseThrow().withConfigValue("memory", "99").withConfigValue("tags", "new;web"))
                .withGuest(many.guest(107).orElseThrow().withConfigValue("template", "1"))
                .withGuest(many.guest(109).orElseThrow().withConfigValue("template", "0"))
                .withGuest(new dev.proxmoxmpc.spi.model.VirtualMachine(7000, "pve1", "", dev.proxmoxmpc.spi.model.PowerState.STOPPED,
                        Map.of("name", "new"), dev.proxmoxmpc.spi.model.GuestRuntime.NONE));
        Inventory fewer = new Inventory("c", List.of(many.nodes().get(0)), List.of(many.guest(102).orElseThrow()), List.of(),
                List.of(), List.of());
        for (List<Inventory> steps : List.of(List.of(many, other), List.of(other, many), List.of(many, many, other, other),
                List.of(many, fewer, many), List.of(many, Inventory.empty(), other))) {
            StateStore fresh = store;
            for (StateKind kind : List.of(StateKind.OBSERVED, StateKind.DESIRED)) {
                for (Inventory step : steps) {
                    fresh.saveAll(Map.of(kind, step));
                    Inventory last = step;
                    assertThat(fresh.load(kind)).isEqualTo(last);
                    assertThat(fresh.guestCounts(kind)).isEqualTo(GuestCount.of(last.guests()));
                    assertThat(fresh.guests(kind, GuestQuery.all().tags(List.of("web")))).isEqualTo(
                            GuestQuery.all().tags(List.of("web")).select(last.guests()));
                    assertThat(fresh.guests(kind, GuestQuery.all().node("pve9"))).isEqualTo(GuestQuery.all().node("pve9").select(last.guests()));
                    assertThat(fresh.infrastructure(kind)).isEqualTo(last.withGuests(List.of()));
                }
            }
            assertThat(fresh.differingGuests(StateKind.DESIRED, StateKind.OBSERVED)).isEmpty();
        }
    }
}
