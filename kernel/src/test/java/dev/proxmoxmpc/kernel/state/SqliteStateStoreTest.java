package dev.proxmoxmpc.kernel.state;

import dev.proxmoxmpc.spi.testkit.MutableClock;
import java.nio.file.Path;

/** The state store contract on SQLite in a temporary directory. */
class SqliteStateStoreTest extends MyBatisStateStoreContract {
    @Override
    MyBatisStateStore newStore(Path historyDir, MutableClock clock) {
        return StateStores.sqlite(dir.resolve("state.db"), historyDir, clock, StateStores.Missing.CREATE);
    }
}
