package dev.proxmoxmpc.kernel.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.state.Event;
import dev.proxmoxmpc.spi.state.StateKind;
import dev.proxmoxmpc.spi.testkit.MutableClock;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PostgreSQL specifics: migrating a schema-1 database, and the append-only event log. */
class PostgresDatabaseTest {
    @TempDir
    Path dir;
    ExternalPostgres pg;
    String schema;
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T20:00:00Z"));

    @BeforeEach
    void server() {
        pg = ExternalPostgres.required();
        schema = ExternalPostgres.freshSchema();
    }

    @AfterEach
    void drop() throws Exception {
        if (pg != null) {
            pg.dropSchema(schema);
        }
    }

    private Connection connect() throws Exception {
        Connection c = DriverManager.getConnection(pg.url, pg.user, pg.password);
        c.setSchema(schema);
        return c;
    }

    @Test
    void migratesASchemaVersionOneDatabaseKeepingItsData() throws Exception {
        Flyway.configure().dataSource(pg.url, pg.user, pg.password).schemas(schema).createSchemas(true)
                .locations("classpath:db/migration/postgresql").target("1").load().migrate();
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO inventories VALUES ('observed', 'old', '2026-01-01T00:00:00.000000000Z')");
            s.execute("INSERT INTO pools VALUES ('observed', 'prod', 'Production')");
        }
        try (MyBatisStateStore store = StateStores.postgresql(pg.url, pg.user, pg.password, schema, dir, clock)) {
            Inventory observed = store.load(StateKind.OBSERVED);
            assertThat(observed.cluster()).isEqualTo("old");
            assertThat(observed.pools()).extracting(p -> p.id()).containsExactly("prod");
            store.saveFileHashes(java.util.Map.of("terraform/main.tf", "d".repeat(64)));
            assertThat(store.fileHashes()).hasSize(1);
        }
    }

    @Test
    void theEventLogIsAppendOnly() throws Exception {
        try (MyBatisStateStore store = StateStores.postgresql(pg.url, pg.user, pg.password, schema, dir, clock)) {
            store.appendEvent(new Event(clock.instant(), "sync", "", "first"));
        }
        try (Connection c = connect(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.execute("UPDATE events SET detail = 'changed'")).hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.execute("DELETE FROM events")).hasMessageContaining("append-only");
        }
    }

    @Test
    void aWrongPasswordIsOneLineWithoutThePassword() {
        assertThatThrownBy(() -> StateStores.postgresql(pg.url, pg.user, "wrong-pw-123", schema, dir, clock))
                .hasMessageStartingWith("cannot open the state database").hasMessageNotContaining("wrong-pw-123")
                .hasMessageNotContaining("\n");
    }
}
