package dev.proxmoxmpc.kernel.backend;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.proxmoxmpc.kernel.boot.KernelRun;
import dev.proxmoxmpc.kernel.config.ConfigDocument;
import dev.proxmoxmpc.kernel.config.ConfigStore;
import dev.proxmoxmpc.kernel.config.StateBackendConfig;
import dev.proxmoxmpc.kernel.state.ExternalPostgres;
import dev.proxmoxmpc.kernel.state.MyBatisStateStore;
import dev.proxmoxmpc.kernel.state.StateStores;
import dev.proxmoxmpc.spi.kernel.Workspace;
import dev.proxmoxmpc.spi.state.AuditEntry;
import dev.proxmoxmpc.spi.state.Event;
import dev.proxmoxmpc.spi.state.JournalEntry;
import dev.proxmoxmpc.spi.state.StateKind;
import dev.proxmoxmpc.spi.state.SyncRun;
import dev.proxmoxmpc.spi.testkit.MutableClock;
import dev.proxmoxmpc.spi.testkit.SampleInventories;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /state migrate} through the real kernel, SQLite to the PostgreSQL of {@code MPC_PG_URL} and back: every
 * row of every table arrives (row counts and content hashes computed here, independently of the command), the
 * source is left as it was, config.yml switches only after the copy, and the former state.db is kept.
 */
class StateMigrationTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The tables migrations V1-V4 create; each is seeded, so none is compared empty. */
    private static final List<String> SEEDED = List.of("inventories", "nodes", "guests", "storages", "networks", "pools",
            "events", "snapshots", "sync_runs", "generated_files", "audit", "locks", "apply_journal");
    @TempDir
    Path dir;
    @TempDir
    Path home;
    ExternalPostgres pg;
    String schema;
    Workspace ws;
    final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T09:00:00Z"));

    @BeforeEach
    void project() throws Exception {
        pg = ExternalPostgres.required();
        schema = ExternalPostgres.freshSchema();
        ws = new Workspace(dir);
        Files.createDirectories(ws.historyDir());
        ConfigDocument doc = new ConfigDocument();
        ConfigDocument.EnvironmentDocument env = new ConfigDocument.EnvironmentDocument();
        env.endpoint = "https://127.0.0.1:8006";
        env.tokenId = "root@pam!mpc";
        doc.environments.put("default", env);
        new ConfigStore(ws).write(doc);
        try (MyBatisStateStore store = StateStores.sqlite(ws.stateDb(), ws.historyDir(), clock, StateStores.Missing.CREATE)) {
            seed(store);
        }
    }

    @AfterEach
    void drop() throws Exception {
        if (pg != null) {
            pg.dropSchema(schema);
        }
    }

    private void seed(MyBatisStateStore store) throws Exception {
        store.saveAll(Map.of(StateKind.OBSERVED, SampleInventories.cluster(), StateKind.DESIRED, SampleInventories.cluster(),
                StateKind.BASE, SampleInventories.small()));
        for (int i = 0; i < 1200; i++) { // more than one batch
            store.appendEvent(new Event(clock.instant(), "sync", "vm/" + (100 + i), "event 'quoted' ünïcode " + i));
        }
        store.snapshot("sync", SampleInventories.cluster());
        clock.advance(Duration.ofMinutes(1));
        store.snapshot("apply", SampleInventories.small());
        store.recordSyncRun(new SyncRun(clock.instant(), "default", 2, 2, 1, 1, 0));
        store.saveFileHashes(Map.of("terraform/main.tf", "a".repeat(64), "ansible/site.yml", "b".repeat(64)));
        store.appendAudit(new AuditEntry(clock.instant(), "alice", "root@pam!mpc", "apply", "vm/101", "ok", 1234));
        store.journal(new JournalEntry("run-1", 1, clock.instant(), "create", "vm/150", "pve1", "create web",
                JournalEntry.Status.SUCCEEDED, "UPID:pve1:1"));
        try (Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + ws.stateDb()); Statement s = c.createStatement()) {
            s.execute("INSERT INTO locks (name, environment, owner, pid, host, since) VALUES ('backup', 'default', 'bob running /backup', 4242, 'bobs-laptop', '2026-12-01T08:00:00.000000000Z')");
        }
    }

    private KernelRun.Result run(String... args) {
        return new KernelRun(dir, home).env(Map.of("TEAM_PG_PASSWORD", pg.password)).run(args);
    }

    /** The rows of every table, digested here (the migration's own audit entries left out). */
    private static Map<String, TableDigest> digests(StateDatabase db) throws Exception {
        Map<String, TableDigest> out = new LinkedHashMap<>();
        try (Connection c = db.open()) {
            for (StateTables.Table t : StateTables.list(c)) {
                out.put(t.name(), TableDigest.of(c, t, row -> "state migrate".equals(row.get("action"))));
            }
        }
        return out;
    }

    private StateDatabase sqlite() {
        return StateDatabase.sqlite(ws.stateDb(), "state.db");
    }

    private StateDatabase postgres() {
        return StateDatabase.postgresql(PostgresTarget.of(pg.url, pg.user, "TEAM_PG_PASSWORD", schema), pg.password);
    }

    @Test
    void sqliteToPostgresqlAndBackPreservesEveryRow() throws Exception {
        // the first open of a project gives the rows of no environment to the current one (schema 5): let it happen
        assertThat(run("-c", "/state info").exitCode()).isZero();
        Map<String, TableDigest> original = digests(sqlite());
        assertThat(original.keySet()).containsAll(SEEDED);
        SEEDED.forEach(t -> assertThat(original.get(t).rows()).as(t).isPositive());
        assertThat(original.get("events").rows()).isEqualTo(1200);

        KernelRun.Result toPg = run("--json", "-c", "/state migrate --to postgresql --state-url " + pg.url
                + " --state-user " + pg.user + " --state-password-env TEAM_PG_PASSWORD --state-schema " + schema);
        assertThat(toPg.exitCode()).as(toPg.out() + toPg.err()).isZero();
        JsonNode result = JSON.readTree(toPg.out());
        assertThat(result.get("tables")).hasSize(original.size());
        result.get("tables").forEach(t -> assertThat(t.get("sha256").asText()).as(t.get("table").asText())
                .isEqualTo(original.get(t.get("table").asText()).sha256()));

        assertThat(digests(postgres())).as("PostgreSQL holds every row").isEqualTo(original);
        assertThat(digests(sqlite())).as("the source is left as it was").isEqualTo(original);
        assertThat(new ConfigStore(ws).load().state())
                .isEqualTo(StateBackendConfig.postgresql(pg.url, pg.user, schema, "TEAM_PG_PASSWORD"));

        KernelRun.Result info = run("--json", "-c", "/state info");
        assertThat(info.exitCode()).as(info.err()).isZero();
        JsonNode i = JSON.readTree(info.out());
        assertThat(i.get("backend").asText()).isEqualTo("postgresql");
        assertThat(i.get("schema").asText()).isEqualTo(schema);
        assertThat(i.get("location").asText()).doesNotContain(pg.password + "@");
        assertThat(i.get("schemaVersion").asText()).isNotEmpty();
        assertThat(i.get("locks")).singleElement().satisfies(l -> {
            assertThat(l.get("host").asText()).isEqualTo("bobs-laptop");
            assertThat(l.get("pid").asLong()).isEqualTo(4242);
            assertThat(l.get("state").asText()).as("no connection from bob's process").isEqualTo("stale");
        });
        // While bob's process is connected (as every proxmox-mpc process names its connections), his lock is alive.
        java.util.Properties bobs = new java.util.Properties();
        bobs.setProperty("user", pg.user);
        bobs.setProperty("password", pg.password);
        bobs.setProperty("ApplicationName", "proxmox-mpc 4242@bobs-laptop");
        try (Connection bob = java.sql.DriverManager.getConnection(pg.url, bobs)) {
            JsonNode alive = JSON.readTree(run("--json", "-c", "/state info").out());
            assertThat(alive.get("locks").get(0).get("state").asText()).isEqualTo("alive");
        }
        KernelRun.Result unlock = run("--yes", "-c", "/unlock backup --force");
        assertThat(unlock.exitCode()).as(unlock.err()).isZero();
        JsonNode audit = JSON.readTree(run("--json", "-c", "/state info").out());
        assertThat(audit.get("locks")).isEmpty();
        try (Connection c = postgres().open(); Statement s = c.createStatement();
             java.sql.ResultSet r = s.executeQuery("SELECT result FROM audit WHERE action = 'unlock'")) {
            assertThat(r.next()).isTrue();
            assertThat(r.getString(1)).contains("bob running /backup (pid 4242 on bobs-laptop) since 2026-12-01T08:00:00Z");
        }
        // Lifting the lock is the only change since the copy: put it back, so the round trip compares every row.
        try (Connection c = postgres().open(); Statement s = c.createStatement()) {
            s.execute("DELETE FROM audit WHERE action = 'unlock'");
            s.execute("INSERT INTO locks (name, environment, owner, pid, host, since) VALUES ('backup', 'default', 'bob running /backup', 4242, 'bobs-laptop', "
                    + "'2026-12-01T08:00:00.000000000Z')");
        }

        clock.advance(Duration.ofMinutes(1));
        KernelRun.Result back = run("-c", "/state migrate --to sqlite");
        assertThat(back.exitCode()).as(back.out() + back.err()).isZero();
        assertThat(back.out()).contains("The former state.db is kept as .proxmox/state.db.bak-");
        try (Stream<Path> files = Files.list(ws.dotProxmox())) {
            Path bak = files.filter(p -> p.getFileName().toString().matches("state\\.db\\.bak-\\d{8}-\\d{6}")).findFirst()
                    .orElseThrow();
            assertThat(digests(StateDatabase.sqlite(bak, "bak"))).as("the former state.db, kept").isEqualTo(original);
        }
        assertThat(digests(sqlite())).as("SQLite again holds every row").isEqualTo(original);
        assertThat(new ConfigStore(ws).load().state()).isEqualTo(StateBackendConfig.sqlite());
        assertThat(Files.readString(ws.configFile())).doesNotContain("postgresql");
    }

    @Test
    void aTargetSchemaWithStateIsRefusedAndNothingSwitches() throws Exception {
        try (MyBatisStateStore other = StateStores.postgresql(pg.url, pg.user, pg.password, schema, ws.historyDir(), clock)) {
            other.appendEvent(new Event(clock.instant(), "sync", "", "another project's state"));
        }
        KernelRun.Result r = run("-c", "/state migrate --to postgresql --state-url " + pg.url + " --state-user " + pg.user
                + " --state-password-env TEAM_PG_PASSWORD --state-schema " + schema);
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("already holds a proxmox-mpc state").contains("config.yml is unchanged")
                .doesNotContain("Exception");
        assertThat(new ConfigStore(ws).load().state()).isEqualTo(StateBackendConfig.sqlite());
    }

    @Test
    void stateInfoShowsTheSqliteBackendTablesAndLocks() throws Exception {
        KernelRun.Result r = run("-c", "/state info");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("Backend: sqlite", "Location: .proxmox/state.db", "Schema version: ")
                .containsPattern("events +1200\n")
                .containsPattern("backup +bob running /backup +bobs-laptop +4242 +2026-12-01T08:00:00Z +unknown");
    }

    @Test
    void migrateNeedsATarget() {
        KernelRun.Result r = run("-c", "/state migrate");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--to sqlite or --to postgresql");
        KernelRun.Result same = run("-c", "/state migrate --to sqlite");
        assertThat(same.exitCode()).isEqualTo(2);
        assertThat(same.err()).contains("already in SQLite");
    }
}
