package dev.proxmoxmpc.kernel.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.proxmoxmpc.spi.state.Event;
import dev.proxmoxmpc.spi.state.LockHeldException;
import dev.proxmoxmpc.spi.state.StateLock;
import dev.proxmoxmpc.spi.testkit.MutableClock;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two projects in one PostgreSQL database, one schema each: neither sees the other's rows or locks. */
class SchemasApartTest {
    @TempDir
    Path dir;
    ExternalPostgres pg;
    String lab;
    String prod;
    final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));

    @BeforeEach
    void server() {
        pg = ExternalPostgres.required();
        lab = ExternalPostgres.freshSchema();
        prod = ExternalPostgres.freshSchema();
    }

    @AfterEach
    void drop() throws Exception {
        if (pg != null) {
            pg.dropSchema(lab);
            pg.dropSchema(prod);
        }
    }

    @Test
    void eachSchemaHasItsOwnRowsAndLocks() {
        try (MyBatisStateStore a = StateStores.postgresql(pg.url, pg.user, pg.password, lab, dir, clock);
             MyBatisStateStore b = StateStores.postgresql(pg.url, pg.user, pg.password, prod, dir, clock);
             MyBatisStateStore a2 = StateStores.postgresql(pg.url, pg.user, pg.password, lab, dir, clock)) {
            a.appendEvent(new Event(clock.instant(), "sync", "", "lab only"));
            assertThat(b.events(10)).isEmpty();
            try (StateLock held = a.lock("apply", "alice running /apply")) {
                assertThatThrownBy(() -> a2.lock("apply", "bob running /apply")).isInstanceOf(LockHeldException.class)
                        .hasMessageContaining("alice running /apply");
                try (StateLock other = b.lock("apply", "carol running /apply")) {
                    assertThat(b.locks()).singleElement().satisfies(l -> assertThat(l.owner()).isEqualTo("carol running /apply"));
                }
                assertThat(a.locks()).singleElement().satisfies(l -> assertThat(l.owner()).isEqualTo("alice running /apply"));
            }
        }
    }
}
