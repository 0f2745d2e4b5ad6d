package dev.proxmoxmpc.plugin.proxmox.discovery;

import dev.proxmoxmpc.plugin.proxmox.http.PveClient;
import dev.proxmoxmpc.spi.console.Progress;
import dev.proxmoxmpc.spi.provider.ProviderException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs read jobs on a bounded pool; the first failure cancels the rest and is rethrown.
 *
 * <p>Each job names the node whose pveproxy answers it ({@code ""} for cluster-wide reads, answered by the node the
 * client talks to). At most {@code perNode} jobs of one node run at once, and at most {@code perNode} times
 * {@link #NODES_AT_ONCE} in all: a cluster of several nodes is read several nodes at a time instead of
 * {@code perNode} requests at a time, without putting more than {@code perNode} requests on any one node. Jobs are
 * started node by node in turn, so no node waits for another's queue.
 */
final class ParallelFetch {
    /** How many nodes' worth of requests may be in flight at once (the node the client talks to proxies them all). */
    static final int NODES_AT_ONCE = PveClient.NODES_AT_ONCE;

    /** One read; may throw {@link ProviderException}. */
    @FunctionalInterface
    interface Job {
        void run();
    }

    /** A job and the node that answers it. */
    record OnNode(String node, Job job) {
    }

    private ParallelFetch() {}

    /** Runs cluster-wide jobs: at most {@code concurrency} at once. */
    static void run(List<Job> jobs, int concurrency, Progress progress) {
        runOnNodes(jobs.stream().map(j -> new OnNode("", j)).toList(), concurrency, progress);
    }

    /** @return how many threads read {@code jobs} with at most {@code perNode} per node */
    static int threads(List<OnNode> jobs, int perNode) {
        long nodes = jobs.stream().map(OnNode::node).distinct().count();
        long wanted = Math.min((long) perNode * Math.min(nodes, NODES_AT_ONCE), jobs.size());
        return (int) Math.max(1, wanted);
    }

    static void runOnNodes(List<OnNode> jobs, int perNode, Progress progress) {
        int limit = Math.max(1, perNode);
        Map<String, Semaphore> permits = new LinkedHashMap<>();
        Map<String, Deque<OnNode>> byNode = new LinkedHashMap<>();
        for (OnNode j : jobs) {
            byNode.computeIfAbsent(j.node(), k -> new ArrayDeque<>()).add(j);
            permits.computeIfAbsent(j.node(), k -> new Semaphore(limit));
        }
        List<OnNode> interleaved = new ArrayList<>(jobs.size());
        while (interleaved.size() < jobs.size()) {
            for (Deque<OnNode> queue : byNode.values()) {
                if (!queue.isEmpty()) {
                    interleaved.add(queue.poll());
                }
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads(jobs, limit), daemon());
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (OnNode job : interleaved) {
                Semaphore node = permits.get(job.node());
                futures.add(pool.submit(() -> {
                    node.acquireUninterruptibly();
                    try {
                        job.job().run();
                    } finally {
                        node.release();
                    }
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
