package dev.proxmoxmpc.plugin.proxmox.cache;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proxmoxmpc.plugin.proxmox.http.Json;
import dev.proxmoxmpc.spi.testkit.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResponseCacheTest {
    private static final String URL = "https://pve.example.org:8006";
    private static final CacheKey ISO = CacheKey.of("/nodes/pve1/storage/local/content", Map.of("content", "iso"));
    private static final CacheKey ALL = CacheKey.of("/nodes/pve1/storage/local/content", Map.of());

    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T10:00:00Z"));

    private ResponseCache cache(String url, String identity) {
        return new ResponseCache(dir, url, identity, clock, Duration.ofMinutes(5));
    }

    private ResponseCache cache() {
        return cache(URL, "root@pam!mpc");
    }

    private static JsonNode data(String json) throws Exception {
        return Json.MAPPER.readTree(json);
    }

    private Path fileOf(CacheKey key) {
        return dir.resolve(key.fileName());
    }

    @Test
    void anEntryIsFreshForTheTtlAndStoredAfterwards() throws Exception {
        JsonNode isos = data("[{\"volid\":\"local:iso/a.iso\",\"size\":1}]");
        cache().store(ISO, isos);
        assertThat(cache().fresh(ISO)).contains(isos);
        assertThat(cache().fresh(ALL)).isEmpty();
        clock.advance(Duration.ofMinutes(5).minusMillis(1));
        assertThat(cache().fresh(ISO)).contains(isos);
        clock.advance(Duration.ofMillis(1));
        assertThat(cache().fresh(ISO)).isEmpty();
        assertThat(cache().stored(ISO)).as("CACHE_ONLY takes it however old").contains(isos);
    }

    @Test
    void theFileHoldsUrlIdentityFetchTimeAndData() throws Exception {
        cache().store(ISO, data("[]"));
        JsonNode file = Json.MAPPER.readTree(Files.readAllBytes(fileOf(ISO)));
        assertThat(file.get("url").asText()).isEqualTo(URL);
        assertThat(file.get("identity").asText()).isEqualTo("root@pam!mpc");
        assertThat(file.get("fetched").asLong()).isEqualTo(clock.millis());
        assertThat(file.get("path").asText()).isEqualTo("/nodes/pve1/storage/local/content");
        assertThat(file.get("query").get("content").asText()).isEqualTo("iso");
        assertThat(file.get("data").isArray()).isTrue();
    }

    @Test
    void anEntryOfAnotherEndpointOrIdentityCountsAsMissing() throws Exception {
        cache().store(ISO, data("[1]"));
        assertThat(cache("https://other.example.org:8006", "root@pam!mpc").stored(ISO)).isEmpty();
        assertThat(cache(URL, "alice@pve").stored(ISO)).isEmpty();
        assertThat(cache(URL + "/", "root@pam!mpc").fresh(ISO)).as("a trailing slash is the same endpoint").isPresent();
    }

    @Test
    void corruptTruncatedOrMisplacedFilesCountAsMissing() throws Exception {
        cache().store(ISO, data("[{\"volid\":\"local:iso/a.iso\"}]"));
        byte[] good = Files.readAllBytes(fileOf(ISO));
        Files.write(fileOf(ISO), Arrays.copyOf(good, good.length / 2));
        assertThat(cache().stored(ISO)).isEmpty();
        Files.writeString(fileOf(ISO), "not json at all");
        assertThat(cache().stored(ISO)).isEmpty();
        Files.writeString(fileOf(ISO), "{\"format\":2,\"url\":\"" + URL + "\"}");
        assertThat(cache().stored(ISO)).isEmpty();
        Files.write(fileOf(ALL), good);
        assertThat(cache().stored(ALL)).as("an entry under another key's name").isEmpty();
        cache().store(ISO, data("[2]"));
        assertThat(cache().fresh(ISO)).contains(data("[2]"));
    }

    @Test
    void anEntryFromTheFutureIsNotFresh() throws Exception {
        cache().store(ISO, data("[1]"));
        clock.advance(Duration.ofHours(-1));
        assertThat(cache().fresh(ISO)).isEmpty();
        assertThat(cache().stored(ISO)).isPresent();
    }

    @Test
    void linksAreNeitherReadNorClearedAndForeignFilesStay(@TempDir Path outside) throws Exception {
        cache().store(ISO, data("[1]"));
        Path target = Files.move(fileOf(ISO), outside.resolve("entry.json"));
        Files.createSymbolicLink(fileOf(ISO), target);
        Files.writeString(dir.resolve("README.txt"), "mine");
        Files.writeString(dir.resolve("." + UUID.randomUUID() + ".tmp"), "left by a killed writer");
        cache().store(ALL, data("[2]"));
        assertThat(cache().stored(ISO)).as("a link is not followed").isEmpty();
        cache().clear();
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(ISO.fileName(), "README.txt");
        }
        assertThat(Files.readAllBytes(target)).isNotEmpty();
    }

    @Test
    void writesAreAtomicForConcurrentReaders() throws Exception {
        StringBuilder big = new StringBuilder("[");
        for (int i = 0; i < 5000; i++) {
            big.append(i == 0 ? "" : ",").append("{\"volid\":\"local:iso/image-").append(i).append(".iso\",\"size\":").append(i).append('}');
        }
        JsonNode data = data(big.append(']').toString());
        ResponseCache cache = cache();
        cache.store(ISO, data);
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger misses = new AtomicInteger();
        AtomicInteger reads = new AtomicInteger();
        Thread reader = new Thread(() -> {
            while (writing.get()) {
                reads.incrementAndGet();
                if (cache.stored(ISO).isEmpty()) {
                    misses.incrementAndGet();
                }
            }
        });
        reader.start();
        for (int i = 0; i < 200; i++) {
            cache.store(ISO, data);
        }
        writing.set(false);
        reader.join();
        assertThat(reads.get()).isPositive();
        assertThat(misses.get()).as("a reader saw a half-written entry").isZero();
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).as("no temporary file is left").containsExactly(fileOf(ISO));
        }
    }

    @Test
    void aFailedWriteFailsNothingAndLeavesNoTemporaryFile() throws Exception {
        Files.createDirectories(fileOf(ISO).resolve("occupied"));
        cache().store(ISO, data("[1]"));
        assertThat(cache().stored(ISO)).isEmpty();
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).containsExactly(fileOf(ISO));
        }
    }

    @Test
    void aCacheDirectoryThatCannotBeCreatedFailsNothing() throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-directory"), "x");
        ResponseCache cache = new ResponseCache(file.resolve("env"), URL, "root@pam!mpc", clock, Duration.ofMinutes(5));
        cache.store(ISO, data("[1]"));
        assertThat(cache.fresh(ISO)).isEmpty();
        cache.clear();
        assertThat(Files.readString(file)).isEqualTo("x");
    }
}
