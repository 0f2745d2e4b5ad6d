package dev.proxmoxmpc.plugin.proxmox.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import dev.proxmoxmpc.spi.provider.ProviderException;
import dev.proxmoxmpc.spi.provider.ReadPolicy;
import dev.proxmoxmpc.spi.testkit.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CachedReadsTest {
    private static final CacheKey KEY = CacheKey.of("/nodes/pve1/storage/local/content", Map.of("content", "vztmpl"));

    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T10:00:00Z"));
    private final AtomicInteger asked = new AtomicInteger();

    /** The server: each answer is the number of times it was asked. */
    private final Supplier<JsonNode> server = () -> IntNode.valueOf(asked.incrementAndGet());

    private CachedReads reads() {
        return CachedReads.in(new ResponseCache(dir, "https://pve:8006", "root@pam!mpc", clock, Duration.ofMinutes(5)));
    }

    @Test
    void liveAlwaysAsksAndStores() {
        CachedReads reads = reads();
        assertThat(reads.read(KEY, ReadPolicy.LIVE, server)).contains(IntNode.valueOf(1));
        assertThat(reads.read(KEY, ReadPolicy.LIVE, server)).contains(IntNode.valueOf(2));
        assertThat(reads().read(KEY, ReadPolicy.CACHE_ONLY, server)).contains(IntNode.valueOf(2));
        assertThat(asked).hasValue(2);
    }

    @Test
    void cachedTakesAFreshEntryElseAsksAndStores() {
        assertThat(reads().read(KEY, ReadPolicy.CACHED, server)).contains(IntNode.valueOf(1));
        assertThat(reads().read(KEY, ReadPolicy.CACHED, server)).contains(IntNode.valueOf(1));
        assertThat(asked).hasValue(1);
        clock.advance(Duration.ofMinutes(5));
        assertThat(reads().read(KEY, ReadPolicy.CACHED, server)).contains(IntNode.valueOf(2));
        assertThat(reads().read(KEY, ReadPolicy.CACHED, server)).contains(IntNode.valueOf(2));
        assertThat(asked).hasValue(2);
    }

    @Test
    void cacheOnlyNeverAsksAndTakesAnyAge() {
        assertThat(reads().read(KEY, ReadPolicy.CACHE_ONLY, server)).isEmpty();
        reads().read(KEY, ReadPolicy.LIVE, server);
        clock.advance(Duration.ofDays(3));
        assertThat(reads().read(KEY, ReadPolicy.CACHE_ONLY, server)).contains(IntNode.valueOf(1));
        assertThat(asked).hasValue(1);
    }

    @Test
    void withoutACacheCachedAsksEveryTimeAndCacheOnlyFindsNothing() {
        CachedReads reads = CachedReads.uncached();
        reads.read(KEY, ReadPolicy.CACHED, server);
        reads.read(KEY, ReadPolicy.CACHED, server);
        assertThat(asked).hasValue(2);
        assertThat(reads.read(KEY, ReadPolicy.CACHE_ONLY, server)).isEmpty();
        assertThat(asked).hasValue(2);
        reads.forget();
    }

    @Test
    void aFailedReadPassesItsErrorAndStoresNothing() {
        CachedReads reads = reads();
        assertThatThrownBy(() -> reads.read(KEY, ReadPolicy.CACHED, () -> {
            throw new ProviderException(ProviderException.Kind.PERMISSION, "permission denied");
        })).isInstanceOf(ProviderException.class).hasMessage("permission denied");
        assertThat(reads.read(KEY, ReadPolicy.CACHE_ONLY, server)).isEmpty();
    }

    @Test
    void forgetDropsEntriesAndAnAnswerFetchedMeanwhile() {
        CachedReads reads = reads();
        reads.read(KEY, ReadPolicy.LIVE, server);
        reads.forget();
        assertThat(reads.read(KEY, ReadPolicy.CACHE_ONLY, server)).isEmpty();
        assertThat(reads.read(KEY, ReadPolicy.CACHED, () -> {
            reads.forget(); // a change finished while this answer was on its way
            return server.get();
        })).contains(IntNode.valueOf(2));
        assertThat(reads.read(KEY, ReadPolicy.CACHE_ONLY, server)).as("the answer may predate the change").isEmpty();
        reads.read(KEY, ReadPolicy.CACHED, server);
        assertThat(reads.read(KEY, ReadPolicy.CACHE_ONLY, server)).contains(IntNode.valueOf(3));
    }
}
