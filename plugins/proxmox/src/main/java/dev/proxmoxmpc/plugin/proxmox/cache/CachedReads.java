package dev.proxmoxmpc.plugin.proxmox.cache;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proxmoxmpc.spi.provider.ReadPolicy;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A read under a {@link ReadPolicy}: {@code LIVE} asks the server and stores the answer, {@code CACHED} takes a fresh
 * entry or else asks and stores, {@code CACHE_ONLY} takes any stored entry and never asks. Without a cache
 * ({@link #uncached()}) {@code CACHED} asks every time and {@code CACHE_ONLY} finds nothing. Thread-safe.
 *
 * <p>{@link #forget()} (after every change, and on /sync) also keeps an answer that was being fetched while it ran
 * from being stored: it may show the server as it was before the change.
 */
public final class CachedReads {
    private final Optional<ResponseCache> cache;
    private final AtomicLong generation = new AtomicLong();

    private CachedReads(Optional<ResponseCache> cache) {
        this.cache = cache;
    }

    /** @return reads that keep answers in {@code cache} */
    public static CachedReads in(ResponseCache cache) {
        return new CachedReads(Optional.of(Objects.requireNonNull(cache, "cache")));
    }

    /** @return reads without a cache */
    public static CachedReads uncached() {
        return new CachedReads(Optional.empty());
    }

    /**
     * @param live asks the server (blocks); its exceptions pass through and nothing is stored then
     * @return the answer; empty only under {@code CACHE_ONLY} when nothing is stored
     */
    public Optional<JsonNode> read(CacheKey key, ReadPolicy policy, Supplier<JsonNode> live) {
        if (policy == ReadPolicy.CACHE_ONLY) {
            return cache.flatMap(c -> c.stored(key));
        }
        if (policy == ReadPolicy.CACHED) {
            Optional<JsonNode> hit = cache.flatMap(c -> c.fresh(key));
            if (hit.isPresent()) {
                return hit;
            }
        }
        long before = generation.get();
        JsonNode answer = live.get();
        cache.ifPresent(c -> {
            synchronized (this) {
                if (generation.get() == before) {
                    c.store(key, answer);
                }
            }
        });
        return Optional.of(answer);
    }

    /** Forgets every stored answer. */
    public void forget() {
        synchronized (this) {
            generation.incrementAndGet();
        }
        cache.ifPresent(ResponseCache::clear);
    }
}
