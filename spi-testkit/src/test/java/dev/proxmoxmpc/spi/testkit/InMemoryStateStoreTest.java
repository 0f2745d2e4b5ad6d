package dev.proxmoxmpc.spi.testkit;

import dev.proxmoxmpc.spi.state.StateStore;

/** The state store contract on the test kit's in-memory store, so unit tests stand on a store that behaves. */
class InMemoryStateStoreTest extends StateStoreContract {
    @Override
    protected StateStore newStore(MutableClock clock) {
        return new InMemoryStateStore(clock);
    }
}
