package dev.proxmoxmpc.kernel.state;

import dev.proxmoxmpc.spi.state.LockHeldException;
import dev.proxmoxmpc.spi.state.StateException;
import dev.proxmoxmpc.spi.state.LockStatus;
import dev.proxmoxmpc.spi.state.StateLock;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Named locks in the {@code locks} table, one set per environment (the store's). A lock whose holder process is gone on this host is stale and taken
 * over; a lock held on another host, or by a live process, is a {@link LockHeldException}.
 */
final class StateLocks {
    private static final Logger LOG = LoggerFactory.getLogger(StateLocks.class);
    private final MyBatisStateStore store;
    private final Clock clock;

    StateLocks(MyBatisStateStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    StateLock take(String name, String owner) {
        long pid = LocalProcess.pid();
        String host = LocalProcess.host();
        String since = Times.format(clock.instant());
        Optional<LockStatus> replaced;
        try {
            replaced = insert(name, owner, pid, host, since);
        } catch (LockHeldException e) {
            throw e;
        } catch (StateException e) {
            // Someone inserted between our read and our insert: name them rather than the constraint.
            Optional<LockInfo> other = holder(name);
            if (other.isPresent()) {
                throw new LockHeldException(name, other.get().holder(), other.get().since());
            }
            throw e;
        }
        AtomicBoolean released = new AtomicBoolean();
        return new StateLock() {
            @Override
            public Optional<LockStatus> takenOver() {
                return replaced;
            }

            @Override
            public void close() {
                if (released.compareAndSet(false, true)) {
                    try {
                        store.inTransaction("release the " + name + " lock", m -> m.deleteLock(name, store.environment(), pid, host, since));
                    } catch (RuntimeException e) {
                        LOG.warn("could not release the {} lock: {}", name, e.getMessage());
                    }
                }
            }
        };
    }

    /** @return the stale lock taken over, if any. */
    private Optional<LockStatus> insert(String name, String owner, long pid, String host, String since) {
        return store.inTransaction("take the " + name + " lock", m -> {
            Map<String, Object> row = m.lockRow(name, store.environment());
            Optional<LockStatus> replaced = Optional.empty();
            if (row != null) {
                LockInfo held = info(row);
                if (!held.stale()) {
                    throw new LockHeldException(name, held.holder(), held.since());
                }
                LOG.info("taking over the stale {} lock of {}", name, held.holder());
                m.deleteAnyLock(name, store.environment());
                replaced = Optional.of(new LockStatus(held.name(), held.owner(), held.pid(), held.host(), held.since(), true));
            }
            m.insertLock(name, store.environment(), owner, pid, host, since);
            return replaced;
        });
    }

    /** @return every lock, by name. */
    java.util.List<LockInfo> all() {
        return store.inTransaction("read the locks", m -> m.lockRows(store.environment())).stream().map(StateLocks::info).toList();
    }

    Optional<LockInfo> holder(String name) {
        return Optional.ofNullable(store.inTransaction("read the " + name + " lock", m -> m.lockRow(name, store.environment())))
                .map(StateLocks::info);
    }

    private static LockInfo info(Map<String, Object> row) {
        long pid = Rows.number(row, "pid");
        String host = Rows.text(row, "host");
        boolean stale = host.equals(LocalProcess.host()) && !LocalProcess.alive(pid);
        return new LockInfo(Rows.text(row, "name"), Rows.text(row, "owner"), pid, host, Rows.instant(row, "since"), stale);
    }
}
