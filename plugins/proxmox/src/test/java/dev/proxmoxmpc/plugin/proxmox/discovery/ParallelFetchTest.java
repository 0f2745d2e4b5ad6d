package dev.proxmoxmpc.plugin.proxmox.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.proxmoxmpc.spi.console.Progress;
import dev.proxmoxmpc.spi.provider.ProviderException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ParallelFetchTest {

    /** Counts the jobs of each node running at the same moment, and the most ever seen, per node and in all. */
    private static final class Gauge {
        final Map<String, AtomicInteger> now = new ConcurrentHashMap<>();
        final Map<String, AtomicInteger> most = new ConcurrentHashMap<>();
        final AtomicInteger all = new AtomicInteger();
        final AtomicInteger mostAll = new AtomicInteger();
        final AtomicInteger done = new AtomicInteger();

        ParallelFetch.OnNode job(String node) {
            return new ParallelFetch.OnNode(node, () -> {
                int n = now.computeIfAbsent(node, k -> new AtomicInteger()).incrementAndGet();
                most.computeIfAbsent(node, k -> new AtomicInteger()).accumulateAndGet(n, Math::max);
                mostAll.accumulateAndGet(all.incrementAndGet(), Math::max);
                try {
                    Thread.sleep(3);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                all.decrementAndGet();
                now.get(node).decrementAndGet();
                done.incrementAndGet();
            });
        }
    }

    @Test
    void noNodeGetsMoreThanItsShareAndSeveralNodesAreReadAtOnce() {
        Gauge g = new Gauge();
        List<ParallelFetch.OnNode> jobs = new ArrayList<>();
        for (int i = 0; i < 60; i++) { // node by node, as discovery lists them: the fetch interleaves them
            jobs.add(g.job("node" + (i / 20 + 1)));
        }
        for (int i = 0; i < 5; i++) {
            jobs.add(g.job(""));
        }

        ParallelFetch.runOnNodes(jobs, 2, Progress.NONE);

        assertThat(g.done).hasValue(65);
        assertThat(g.most.values()).allSatisfy(m -> assertThat(m.get()).isBetween(1, 2));
        assertThat(g.mostAll.get()).isLessThanOrEqualTo(2 * ParallelFetch.NODES_AT_ONCE);
        assertThat(ParallelFetch.threads(jobs, 2)).isEqualTo(2 * ParallelFetch.NODES_AT_ONCE);
    }

    @Test
    void aNodeWithMostOfTheGuestsStillGetsOnlyItsShare() {
        Gauge g = new Gauge();
        List<ParallelFetch.OnNode> jobs = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            jobs.add(g.job("big"));
        }
        jobs.add(g.job("small"));
        jobs.add(g.job("small"));

        ParallelFetch.runOnNodes(jobs, 2, Progress.NONE); // 4 threads: once "small" is done, all 4 could take "big"

        assertThat(g.done).hasValue(42);
        assertThat(g.most.get("big")).hasValue(2);
    }

    @Test
    void oneNodeOrClusterWideReadsKeepTheConcurrency() {
        List<ParallelFetch.OnNode> one = List.of(new ParallelFetch.OnNode("pve1", () -> { }),
                new ParallelFetch.OnNode("pve1", () -> { }), new ParallelFetch.OnNode("pve1", () -> { }));
        assertThat(ParallelFetch.threads(one, 2)).isEqualTo(2);
        assertThat(ParallelFetch.threads(one, 8)).isEqualTo(3);
        Gauge g = new Gauge();
        List<ParallelFetch.Job> cluster = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            cluster.add(g.job("").job());
        }
        ParallelFetch.run(cluster, 3, Progress.NONE);
        assertThat(g.done).hasValue(12);
        assertThat(g.mostAll.get()).isBetween(1, 3);
    }

    @Test
    void theFirstFailureIsRethrown() {
        List<ParallelFetch.OnNode> jobs = List.of(new ParallelFetch.OnNode("pve1", () -> { }),
                new ParallelFetch.OnNode("pve2", () -> {
                    throw new ProviderException(ProviderException.Kind.PERMISSION, "permission denied: /nodes/pve2");
                }));
        assertThatThrownBy(() -> ParallelFetch.runOnNodes(jobs, 4, Progress.NONE))
                .isInstanceOf(ProviderException.class).hasMessage("permission denied: /nodes/pve2");
    }
}
