package dev.proxmoxmpc.plugin.proxmox.change;

import dev.proxmoxmpc.spi.console.Progress;
import dev.proxmoxmpc.spi.provider.Change;
import dev.proxmoxmpc.spi.provider.ChangeResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiFunction;

/**
 * Runs changes in parallel where PVE lets them, in order where they contend for the same lock or depend on one
 * another (see {@link LockKeys}): a change starts once every earlier change that blocks it has succeeded. After the
 * first failure no new change starts; those are reported SKIPPED.
 */
public final class LockScheduler {
    private final BiFunction<Change, Progress, ChangeResult> runner;

    public LockScheduler(BiFunction<Change, Progress, ChangeResult> runner) {
        this.runner = runner;
    }

    /** @return one result per change, in the order of {@code changes}. */
    public List<ChangeResult> run(List<Change> changes, int parallelism, Progress progress) {
        int n = changes.size();
        List<LockKeys> keys = changes.stream().map(LockKeys::of).toList();
        List<List<Integer>> deps = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<Integer> d = new ArrayList<>();
            for (int j = 0; j < i; j++) {
                if (keys.get(j).blocks(keys.get(i))) {
                    d.add(j);
                }
            }
            deps.add(d);
        }
        ChangeResult[] results = new ChangeResult[n];
        ChangeResult[] workers = results;
        boolean[] started = new boolean[n];
        boolean cancelled = false;
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(parallelism, Math.max(1, n))), r -> {
            Thread t = new Thread(r, "pve-apply");
            t.setDaemon(true);
            return t;
        });
        CompletionService<Integer> done = new ExecutorCompletionService<>(pool);
        try {
            int running = 0;
            boolean failed = false;
            while (true) {
                for (int i = 0; i < n && !failed && running < Math.max(1, parallelism); i++) {
                    if (!started[i] && ready(deps.get(i), results)) {
                        started[i] = true;
                        running++;
                        int index = i;
                        done.submit(() -> {
                            workers[index] = attempt(changes.get(index), progress);
                            return index;
                        });
                    }
                }
                if (running == 0) {
                    break;
                }
                int finished = done.take().get();
                running--;
                progress.step(1);
                failed |= !results[finished].succeeded();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancelled = true;
            results = results.clone(); // what had ended when cancelled: workers stopped by shutdownNow do not count
        } catch (ExecutionException e) {
            throw new IllegalStateException("apply worker failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
        List<ChangeResult> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (results[i] != null) {
                out.add(results[i]);
            } else if (cancelled) {
                out.add(ChangeResult.skipped(changes.get(i), started[i]
                        ? "cancelled while it ran (the server may still finish its task)" : "not attempted: cancelled"));
            } else {
                out.add(ChangeResult.skipped(changes.get(i)));
            }
        }
        return out;
    }

    private static boolean ready(List<Integer> deps, ChangeResult[] results) {
        for (int d : deps) {
            if (results[d] == null || !results[d].succeeded()) {
                return false;
            }
        }
        return true;
    }

    private ChangeResult attempt(Change change, Progress progress) {
        long start = System.nanoTime();
        try {
            return runner.apply(change, progress);
        } catch (RuntimeException e) {
            return ChangeResult.failed(change, e.getMessage() == null ? e.toString() : e.getMessage(), "", List.of(),
                    (System.nanoTime() - start) / 1_000_000);
        }
    }
}
