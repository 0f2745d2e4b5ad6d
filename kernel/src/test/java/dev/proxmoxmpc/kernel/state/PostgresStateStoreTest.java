package dev.proxmoxmpc.kernel.state;

import dev.proxmoxmpc.spi.testkit.MutableClock;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;

/** The state store contract on a real PostgreSQL server (each test in its own schema, dropped afterwards). */
class PostgresStateStoreTest extends MyBatisStateStoreContract {
    private ExternalPostgres pg;
    private String schema;

    @Override
    MyBatisStateStore newStore(Path historyDir, MutableClock clock) {
        pg = ExternalPostgres.required();
        schema = ExternalPostgres.freshSchema();
        return StateStores.postgresql(pg.url, pg.user, pg.password, schema, historyDir, clock);
    }

    @AfterEach
    void dropSchema() throws Exception {
        if (store != null) {
            store.close();
        }
        if (pg != null && schema != null) {
            pg.dropSchema(schema);
        }
    }
}
