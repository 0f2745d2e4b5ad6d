package dev.proxmoxmpc.spi.console;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * A progress bar (or its batch-mode equivalent). Thread-safe: workers may call {@link #step} concurrently.
 * Closing it ends the bar.
 */
@API(status = STABLE, since = "1.0")
public interface Progress extends AutoCloseable {

    /** Progress that shows nothing. */
    Progress NONE = new Progress() {
        @Override
        public void total(long total) {}

        @Override
        public void step(long n) {}

        @Override
        public void message(String text) {}

        @Override
        public void close() {}
    };

    /** Sets or raises the total number of steps (unknown totals show a spinner). */
    void total(long total);

    /** Advances by {@code n} steps. */
    void step(long n);

    /** Shows a line of detail beside the bar ({@code cloning 9000 -> 101}). */
    void message(String text);

    /** Ends the bar. Never throws. */
    @Override
    void close();
}
