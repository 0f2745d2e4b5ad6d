package dev.proxmoxmpc.plugin.proxmox.cache;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers of whitelisted reads ({@link CacheKey}) kept as one JSON file per request in an environment's cache
 * directory ({@code .proxmox/cache/<environment>/}), so that the next command, in a new session, need not ask again.
 * An entry belongs to the endpoint URL and identity that read it; an entry of another one, an unreadable or
 * corrupt file, or (for {@link #fresh}) one older than the time-to-live counts as missing.
 *
 * <p>Best effort: a failure to read or write (read-only or full disk) is logged at DEBUG and never fails the caller,
 * who then simply asks the server. Thread-safe; several processes may share the directory (writes are atomic).
 */
public final class ResponseCache {
    /** How long an entry answers {@link dev.proxmoxmpc.spi.provider.ReadPolicy#CACHED} reads. */
    public static final Duration TTL = Duration.ofMinutes(5);
    private static final Logger LOG = LoggerFactory.getLogger(ResponseCache.class);

    private final EntryFiles files;
    private final String url;
    private final String identity;
    private final Clock clock;
    private final Duration ttl;

    /**
     * @param dir      the directory; created on the first write
     * @param url      the endpoint URL the answers come from
     * @param identity the token id or user that reads them
     */
    public ResponseCache(Path dir, String url, String identity) {
        this(dir, url, identity, Clock.systemUTC(), TTL);
    }

    public ResponseCache(Path dir, String url, String identity, Clock clock, Duration ttl) {
        this.files = new EntryFiles(dir.toAbsolutePath().normalize());
        this.url = url.replaceAll("/+$", "");
        this.identity = Objects.requireNonNull(identity, "identity");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ttl = Objects.requireNonNull(ttl, "ttl");
    }

    /** @return the directory the entries are in */
    public Path directory() {
        return files.directory();
    }

    /** @return the answer stored for {@code key} when it is younger than the time-to-live */
    public Optional<JsonNode> fresh(CacheKey key) {
        long now = clock.millis();
        return entry(key).filter(e -> e.fetched() <= now && now - e.fetched() < ttl.toMillis()).map(CacheEntry::data);
    }

    /** @return the answer stored for {@code key}, however old */
    public Optional<JsonNode> stored(CacheKey key) {
        return entry(key).map(CacheEntry::data);
    }

    /** Stores the answer to {@code key}, replacing the previous one; a failure is logged and otherwise ignored. */
    public void store(CacheKey key, JsonNode data) {
        Path file = files.file(key.fileName());
        try {
            files.write(file, new CacheEntry(url, identity, clock.millis(), key, data).toJson());
        } catch (IOException | RuntimeException e) {
            LOG.debug("cache: cannot write {}: {}", file, e.toString());
        }
    }

    /** Deletes every entry (only files the cache wrote); a failure is logged and otherwise ignored. */
    public void clear() {
        try {
            int deleted = files.clear();
            LOG.debug("cache: cleared {} entries in {}", deleted, files.directory());
        } catch (IOException | RuntimeException e) {
            LOG.debug("cache: cannot clear {}: {}", files.directory(), e.toString());
        }
    }

    private Optional<CacheEntry> entry(CacheKey key) {
        Path file = files.file(key.fileName());
        try {
            Optional<CacheEntry> entry = files.read(file).flatMap(CacheEntry::parse);
            if (entry.isEmpty()) {
                return Optional.empty();
            }
            CacheEntry e = entry.get();
            boolean ours = e.url().equals(url) && e.identity().equals(identity) && e.key().equals(key);
            return ours ? entry : Optional.empty();
        } catch (IOException | RuntimeException e) {
            LOG.debug("cache: cannot read {}: {}", file, e.toString());
            return Optional.empty();
        }
    }
}
