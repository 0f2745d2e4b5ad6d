package dev.proxmoxmpc.spi.provider;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * Told about each change {@link ProviderSession#applyAll(java.util.List, int, dev.proxmoxmpc.spi.console.Progress,
 * ChangeListener)} carries out: just before it is sent to the server, and once its outcome is known. Called on the
 * applying thread (several at once when changes run in parallel): implementations are thread-safe and may block (an
 * apply journal writes to the database before the change is sent). An exception thrown from {@link #starting}
 * keeps that change from being sent.
 */
@API(status = EXPERIMENTAL, since = "1.0")
public interface ChangeListener {
    /** A listener that does nothing. */
    ChangeListener NONE = new ChangeListener() {
        @Override
        public void starting(Change change) {}

        @Override
        public void finished(ChangeResult result) {}
    };

    /** {@code change} is about to be sent to the server. */
    void starting(Change change);

    /** {@code result} is the outcome of a change {@link #starting} was called for. */
    void finished(ChangeResult result);
}
