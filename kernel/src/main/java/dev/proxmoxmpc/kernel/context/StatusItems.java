package dev.proxmoxmpc.kernel.context;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * The plugins' part of the status bar, computed on a background thread so a slow item (counting the pending changes
 * of 10,000 guests takes seconds) never holds the prompt: the console waits at most {@code wait} and otherwise shows
 * the text of the last computation that finished (so a slow bar lags one command behind). A computation still
 * running at the next prompt is waited for again rather than started twice. Thread-safe.
 */
final class StatusItems implements AutoCloseable {
    private final Duration wait;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "mpc-status-items");
        t.setDaemon(true);
        return t;
    });
    private CompletableFuture<String> running;
    private String last = "";
    /** Counts {@link #reset()}s: a computation for an earlier project never sets {@link #last}. */
    private long generation;

    StatusItems(Duration wait) {
        this.wait = wait;
    }

    /** @return the text {@code compute} gives, or the last one when it does not finish within the wait */
    String text(Supplier<String> compute) {
        CompletableFuture<String> run;
        synchronized (this) {
            if (running == null || running.isDone()) {
                long started = generation;
                running = CompletableFuture.supplyAsync(compute, executor);
                running.thenAccept(text -> finished(started, text));
            }
            run = running;
        }
        try {
            return run.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // too slow (it goes on; the next prompt takes its result) or failed: the last text stands
        }
        synchronized (this) {
            return last;
        }
    }

    private synchronized void finished(long started, String text) {
        if (started == generation) {
            last = text;
        }
    }

    /** Forgets the last text (another project). */
    synchronized void reset() {
        generation++;
        last = "";
        running = null;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
