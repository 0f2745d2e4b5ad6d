package dev.proxmoxmpc.kernel.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.proxmoxmpc.spi.testkit.SampleInventories;
import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.GuestRuntime;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.model.PowerState;
import dev.proxmoxmpc.spi.model.VirtualMachine;
import dev.proxmoxmpc.spi.state.AuditEntry;
import dev.proxmoxmpc.spi.state.Event;
import dev.proxmoxmpc.spi.state.StateException;
import dev.proxmoxmpc.spi.state.StateKind;
import dev.proxmoxmpc.spi.testkit.MutableClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SQLite specifics: migrations, pragmas, the append-only event log, and broken or missing files. */
class SqliteDatabaseTest {
    @TempDir
    Path dir;
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T20:00:00Z"));

    private Path db() {
        return dir.resolve("state.db");
    }

    private MyBatisStateStore open(StateStores.Missing missing) {
        return StateStores.sqlite(db(), dir.resolve("history"), clock, missing);
    }

    private List<String> appliedVersions() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db());
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT version FROM flyway_schema_history WHERE success = 1 ORDER BY installed_rank")) {
            List<String> out = new java.util.ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        }
    }

    @Test
    void migratesAnEmptyDatabaseToTheCurrentSchema() throws Exception {
        try (MyBatisStateStore store = open(StateStores.Missing.CREATE)) {
            store.appendAudit(new AuditEntry(clock.instant(), "alice", "", "init", "project", "ok", 1));
        }
        assertThat(appliedVersions()).containsExactly("1", "2", "3", "4", "5", "7", "8");
    }

    @Test
    void migratesASchemaVersionOneDatabaseKeepingItsData() throws Exception {
        Flyway.configure().dataSource("jdbc:sqlite:" + db(), "", "").locations("classpath:db/migration/sqlite")
                .target("1").load().migrate();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db()); Statement s = c.createStatement()) {
            s.execute("INSERT INTO inventories VALUES ('observed', 'old', '2026-01-01T00:00:00.000000000Z')");
            s.execute("INSERT INTO guests VALUES ('observed', 150, 'qemu', 'pve1', 'legacy', 'running', 2, 2048, '', '',"
                    + " '{\"cores\":\"2\",\"name\":\"legacy\"}',"
                    + " '{\"lock\":\"\",\"haState\":\"\",\"uptimeSeconds\":5,\"ipAddresses\":[],\"digest\":\"\"}')");
            s.execute("INSERT INTO events (time, type, target, detail) VALUES "
                    + "('2026-01-01T00:00:00.000000000Z', 'sync', 'vm/150', 'found')");
        }
        assertThat(appliedVersions()).containsExactly("1");

        try (MyBatisStateStore store = open(StateStores.Missing.FAIL)) {
            Inventory observed = store.load(StateKind.OBSERVED);
            assertThat(observed.cluster()).isEqualTo("old");
            assertThat(observed.guest(150)).contains(new VirtualMachine(150, "pve1", "", PowerState.RUNNING,
                    Map.of("cores", "2", "name", "legacy"), new GuestRuntime("", "", 5, List.of(), "")));
            assertThat(store.events(10)).extracting(Event::detail).containsExactly("found");
            store.saveFileHashes(Map.of("terraform/main.tf", "c".repeat(64)));
            assertThat(store.fileHashes()).hasSize(1);
        }
        assertThat(appliedVersions()).containsExactly("1", "2", "3", "4", "5", "7", "8");
    }

    @Test
    void schemaFiveGivesTheStateOfAVersionFourDatabaseToTheEnvironmentOfItsLastSync() throws Exception {
        Flyway.configure().dataSource("jdbc:sqlite:" + db(), "", "").locations("classpath:db/migration/sqlite")
                .target("4").load().migrate();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db()); Statement s = c.createStatement()) {
            s.execute("PRAGMA foreign_keys = ON");
            for (String kind : List.of("observed", "desired", "base")) {
                s.execute("INSERT INTO inventories VALUES ('" + kind + "', 'lab', '2026-01-01T00:00:00.000000000Z')");
                s.execute("INSERT INTO nodes VALUES ('" + kind + "', 'pve1', 'online', 4, 8, 16, 1, '')");
                s.execute("INSERT INTO guests VALUES ('" + kind + "', 150, 'qemu', 'pve1', 'legacy', 'running', 2, 2048, '', '',"
                        + " '{\"name\":\"legacy\"}',"
                        + " '{\"lock\":\"\",\"haState\":\"\",\"uptimeSeconds\":5,\"ipAddresses\":[],\"digest\":\"\"}')");
            }
            s.execute("INSERT INTO sync_runs (time, environment, nodes, vms, containers, drifted, conflicts)"
                    + " VALUES ('2026-01-01T00:00:00.000000000Z', 'lab', 1, 1, 0, 0, 0)");
            s.execute("INSERT INTO snapshots VALUES ('20260101-000000-sync', '2026-01-01T00:00:00.000000000Z', 'sync',"
                    + " 1, 1, 0, 'history/20260101-000000-sync.json', '{\"inventory\":{}}')");
        }

        try (MyBatisStateStore store = open(StateStores.Missing.FAIL)) {
            MyBatisStateStore lab = store.forEnvironment("lab");
            assertThat(lab.load(StateKind.OBSERVED).guest(150)).isPresent();
            assertThat(lab.load(StateKind.BASE).nodes()).hasSize(1);
            assertThat(lab.snapshots()).extracting(i -> i.id()).containsExactly("20260101-000000-sync");
            assertThat(lab.lastSyncRun()).isPresent();
            MyBatisStateStore prod = store.forEnvironment("production");
            assertThat(prod.load(StateKind.OBSERVED)).isEqualTo(Inventory.empty());
            assertThat(prod.load(StateKind.DESIRED).guest(150)).isPresent();
            assertThat(prod.snapshots()).isEmpty();
            // the desired state stays the project's: no environment may own one
            assertThatThrownBy(() -> store.inTransaction("own a desired state", m -> {
                m.upsertInventory("desired", "production", "x", "2026-01-01T00:00:00.000000000Z");
                return null;
            })).isInstanceOf(StateException.class);
        }
        assertThat(appliedVersions()).containsExactly("1", "2", "3", "4", "5", "7", "8");
    }

    @Test
    void aCurrentSchemaOpensWithoutFlywayAndAnOlderOneIsMigrated() throws Exception {
        open(StateStores.Missing.CREATE).close();
        var plain = new org.apache.ibatis.datasource.unpooled.UnpooledDataSource("org.sqlite.JDBC", "jdbc:sqlite:" + db(), "", "");
        assertThat(SchemaCheck.newestMigration("sqlite")).hasValue(Integer.parseInt(appliedVersions().get(appliedVersions().size() - 1)));
        assertThat(SchemaCheck.current(plain, "sqlite", null)).isTrue();
        // A checksum Flyway would refuse: opening still works, so Flyway did not run.
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db()); Statement s = c.createStatement()) {
            s.execute("UPDATE flyway_schema_history SET checksum = 42 WHERE version = '1'");
        }
        open(StateStores.Missing.FAIL).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db()); Statement s = c.createStatement()) {
            s.execute("UPDATE flyway_schema_history SET success = 0 WHERE version = '1'");
        }
        assertThat(SchemaCheck.current(plain, "sqlite", null)).isFalse();
        Files.delete(db());
        assertThat(SchemaCheck.current(plain, "sqlite", null)).isFalse(); // no history table
    }

    @Test
    void theIndexMigrationMarksStoredTemplates() throws Exception {
        Flyway.configure().dataSource("jdbc:sqlite:" + db(), "", "").locations("classpath:db/migration/sqlite")
                .target("4").load().migrate();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db()); Statement s = c.createStatement()) {
            s.execute("INSERT INTO inventories VALUES ('observed', 'old', '2026-01-01T00:00:00.000000000Z')");
            s.execute("INSERT INTO guests VALUES ('observed', 150, 'qemu', 'pve1', 'tmpl', 'stopped', 2, 2048, '', '',"
                    + " '{\"name\":\"tmpl\",\"template\":\"1\"}', '{\"lock\":\"\",\"haState\":\"\",\"uptimeSeconds\":0,\"ipAddresses\":[],\"digest\":\"\"}'),"
                    + " ('observed', 151, 'qemu', 'pve1', 'vm', 'stopped', 2, 2048, '', '', '{\"name\":\"vm\"}', '{\"lock\":\"\",\"haState\":\"\",\"uptimeSeconds\":0,\"ipAddresses\":[],\"digest\":\"\"}')");
        }
        try (MyBatisStateStore store = open(StateStores.Missing.FAIL)) {
            assertThat(store.guestCounts(StateKind.OBSERVED)).isEqualTo(
                    dev.proxmoxmpc.spi.state.GuestCount.of(store.load(StateKind.OBSERVED).guests()));
            assertThat(store.guestCounts(StateKind.OBSERVED)).extracting(dev.proxmoxmpc.spi.state.GuestCount::template)
                    .containsExactly(false, true);
        }
    }

    @Test
    void turnsOnWalAndForeignKeys() throws Exception {
        try (MyBatisStateStore store = open(StateStores.Missing.CREATE)) {
            store.save(StateKind.OBSERVED, SampleInventories.small());
            Map<String, Object> pragmas = store.inTransaction("read pragmas", m -> Map.of());
            assertThat(pragmas).isEmpty();
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db()); Statement s = c.createStatement()) {
            ResultSet rs = s.executeQuery("PRAGMA journal_mode");
            rs.next();
            assertThat(rs.getString(1)).isEqualToIgnoringCase("wal");
        }
        try (MyBatisStateStore store = open(StateStores.Missing.FAIL)) {
            // a guest row of an inventory kind that was never saved violates the foreign key
            assertThatThrownBy(() -> store.inTransaction("orphan", m -> {
                m.insertGuest("base", "", new GuestRow(new VirtualMachine(400, "pve1", "", PowerState.STOPPED, Map.of(),
                        GuestRuntime.NONE)));
                return null;
            })).isInstanceOf(StateException.class).hasMessageContaining("FOREIGN KEY");
        }
    }

    @Test
    void theEventLogIsAppendOnly() throws Exception {
        try (MyBatisStateStore store = open(StateStores.Missing.CREATE)) {
            store.appendEvent(new Event(clock.instant(), "sync", "", "first"));
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db()); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.execute("UPDATE events SET detail = 'changed'")).hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.execute("DELETE FROM events")).hasMessageContaining("append-only");
        }
    }

    @Test
    void aCorruptDatabaseIsAOneLineErrorAndIsLeftUntouched() throws Exception {
        byte[] garbage = "this is not a database, it is a shopping list\n".repeat(200).getBytes(StandardCharsets.UTF_8);
        Files.write(db(), garbage);
        assertThatThrownBy(() -> open(StateStores.Missing.FAIL))
                .isInstanceOf(StateException.class)
                .hasMessageContaining("state.db is not a valid SQLite database")
                .hasMessageNotContaining("\n");
        assertThat(Files.readAllBytes(db())).isEqualTo(garbage);
        assertThat(dir.resolve("state.db-wal")).doesNotExist();
    }

    @Test
    void aDatabaseWithACorruptPageIsAOneLineError() throws Exception {
        try (MyBatisStateStore store = open(StateStores.Missing.CREATE)) {
            store.save(StateKind.OBSERVED, SampleInventories.cluster());
        }
        byte[] bytes = Files.readAllBytes(db());
        for (int i = 100; i < bytes.length; i++) {
            bytes[i] = (byte) 0xA5; // keep the header, wreck every page
        }
        Files.write(db(), bytes);
        assertThatThrownBy(() -> {
            try (MyBatisStateStore store = open(StateStores.Missing.FAIL)) {
                store.load(StateKind.OBSERVED);
            }
        }).isInstanceOf(StateException.class).hasMessageNotContaining("\n")
                .hasMessageMatching(".*(corrupt|malformed|not a database).*");
        assertThat(Files.readAllBytes(db())).isEqualTo(bytes);
    }

    @Test
    void aZeroByteDatabaseIsTheSameOneLineCorruptFileErrorAndIsLeftAlone() throws Exception {
        Files.createDirectories(db().getParent());
        Files.write(db(), new byte[0]);
        for (StateStores.Missing missing : StateStores.Missing.values()) {
            assertThatThrownBy(() -> open(missing)).isInstanceOf(StateException.class).hasMessageNotContaining("\n")
                    .hasMessageContaining("is not a valid SQLite database (corrupt)");
        }
        assertThat(Files.size(db())).isZero();
    }

    @Test
    void aMissingDatabaseIsAOneLineErrorAndIsNotCreated() {
        assertThatThrownBy(() -> open(StateStores.Missing.FAIL))
                .isInstanceOf(StateException.class)
                .hasMessageContaining("state.db is missing")
                .hasMessageContaining("/init --force");
        assertThat(db()).doesNotExist();
    }

    @Test
    void savingAnUnchangedInventoryWritesNoRowAndAChangeWritesOnlyItsRow() throws Exception {
        Inventory many = SampleInventories.many(200);
        try (MyBatisStateStore store = open(StateStores.Missing.CREATE)) {
            store.saveAll(Map.of(StateKind.OBSERVED, many, StateKind.DESIRED, many));
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db()); Statement st = c.createStatement()) {
                st.execute("CREATE TABLE test_writes (tbl TEXT NOT NULL)");
                for (String table : List.of("guests", "nodes", "storages", "networks", "pools", "objects")) {
                    for (String op : List.of("INSERT", "UPDATE", "DELETE")) {
                        st.execute("CREATE TRIGGER test_" + table + "_" + op + " AFTER " + op + " ON " + table
                                + " BEGIN INSERT INTO test_writes VALUES ('" + table + " " + op + "'); END");
                    }
                }
            }
            store.saveAll(Map.of(StateKind.OBSERVED, many, StateKind.DESIRED, many));
            assertThat(writes()).isEmpty();
            Inventory changed = many.withGuest(many.guest(150).orElseThrow().withConfigValue("memory", "99")).withoutGuest(151)
                    .withGuest(new VirtualMachine(7000, "pve1", "", PowerState.STOPPED, Map.of("name", "new"), GuestRuntime.NONE));
            store.saveAll(Map.of(StateKind.OBSERVED, many, StateKind.DESIRED, changed));
            assertThat(writes()).containsExactlyInAnyOrder("guests UPDATE", "guests DELETE", "guests INSERT");
            assertThat(store.load(StateKind.DESIRED)).isEqualTo(changed);
            // a refresh where only running guests' uptimes went on: their runtime column alone is written
            Inventory later = many;
            for (int vmid : List.of(100, 103, 106)) {
                Guest g = many.guest(vmid).orElseThrow();
                later = later.withGuest(g.withRuntime(new GuestRuntime("", "", 5000 + vmid, List.of("10.0.0.1"), "")));
            }
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db()); Statement st = c.createStatement()) {
                st.execute("CREATE TRIGGER test_guests_runtime AFTER UPDATE OF runtime ON guests"
                        + " BEGIN INSERT INTO test_writes VALUES ('guests runtime'); END");
                st.execute("CREATE TRIGGER test_guests_columns AFTER UPDATE OF type, node, name, status, cores, memory, pool,"
                        + " tags, config, template ON guests BEGIN INSERT INTO test_writes VALUES ('guests columns'); END");
            }
            store.saveAll(Map.of(StateKind.OBSERVED, later, StateKind.DESIRED, changed));
            assertThat(writes()).containsExactlyInAnyOrder("guests UPDATE", "guests UPDATE", "guests UPDATE",
                    "guests runtime", "guests runtime", "guests runtime");
            assertThat(store.load(StateKind.OBSERVED)).isEqualTo(later);
        }
    }

    private List<String> writes() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db());
             ResultSet rs = c.createStatement().executeQuery("SELECT tbl FROM test_writes")) {
            List<String> out = new java.util.ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            c.createStatement().execute("DELETE FROM test_writes");
            return out;
        }
    }
}
