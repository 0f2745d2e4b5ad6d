package dev.proxmoxmpc.plugin.proxmox.discovery;

import dev.proxmoxmpc.spi.console.Progress;
import dev.proxmoxmpc.spi.provider.ProviderException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Runs read jobs on a bounded pool; the first failure cancels the rest and is rethrown. */
final class ParallelFetch {

    /** One read; may throw {@link ProviderException}. */
    @FunctionalInterface
    interface Job {
        void run();
    }

    private ParallelFetch() {}

    static void run(List<Job> jobs, int concurrency, Progress progress) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(concurrency, Math.max(1, jobs.size())), daemon());
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Job job : jobs) {
                futures.add(pool.submit(() -> {
                    job.run();
                    progress.step(1);
                }));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    futures.forEach(other -> other.cancel(true));
                    if (e.getCause() instanceof ProviderException pe) {
                        throw pe;
                    }
                    throw new IllegalStateException("discovery failed: " + e.getCause(), e.getCause());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException(ProviderException.Kind.CONNECTION, "discovery interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static ThreadFactory daemon() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "pve-discovery-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
