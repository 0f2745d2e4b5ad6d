package dev.proxmoxmpc.plugin.resources;

import dev.proxmoxmpc.spi.model.Volume;
import dev.proxmoxmpc.spi.provider.ProviderException;
import dev.proxmoxmpc.spi.provider.ReadPolicy;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The files on the fake server's storages and the fake provider's cache of listings, read as {@link ReadPolicy} says:
 * {@code CACHED} answers from the cache when it holds the node's storage (the entry is fresh), else asks the server
 * and caches the answer; {@code LIVE} asks the server and caches the answer; {@code CACHE_ONLY} answers from the cache
 * only, empty when it holds nothing. Counts the reads per policy; {@link #holdCachedReads} makes {@code CACHED} reads
 * wait (a slow server). Starts with the demo scenario's files on pve1 and one ISO image on pve2.
 */
public final class FakeVolumes {
    public static final String DEBIAN_ISO = "local:iso/debian-12.8.0-amd64-netinst.iso";
    public static final String UBUNTU_ISO = "local:iso/ubuntu-24.04.1-live-server-amd64.iso";
    public static final String DEBIAN_CT = "local:vztmpl/debian-12-standard_12.7-1_amd64.tar.zst";
    private final Map<String, List<Volume>> server = new ConcurrentHashMap<>();
    private final Map<String, List<Volume>> cache = new ConcurrentHashMap<>();
    private final Map<ReadPolicy, AtomicInteger> reads = new EnumMap<>(ReadPolicy.class);
    private volatile CountDownLatch gate = new CountDownLatch(0);
    private volatile boolean supported = true;

    FakeVolumes() {
        for (ReadPolicy p : ReadPolicy.values()) {
            reads.put(p, new AtomicInteger());
        }
        onServer("pve1", DEBIAN_ISO, UBUNTU_ISO, DEBIAN_CT, "local:vztmpl/ubuntu-24.04-standard_24.04-2_amd64.tar.zst",
                "local:vztmpl/alpine-3.20-default_20240908_amd64.tar.xz");
        onServer("pve2", DEBIAN_ISO);
    }

    /** Makes {@code volids} every file on {@code node}'s storages. */
    public FakeVolumes onServer(String node, String... volids) {
        server.put(node, volumes(volids));
        return this;
    }

    /** Makes {@code volids} the fresh cached listing of one storage of {@code node} (empty: cached as empty). */
    public FakeVolumes cached(String node, String storage, String... volids) {
        cache.put(node + "/" + storage, volumes(volids));
        return this;
    }

    /** Makes every {@code CACHED} read wait until {@code gate} opens. */
    public void holdCachedReads(CountDownLatch gate) {
        this.gate = gate;
    }

    /** Makes the provider one that cannot list content (the SPI's default). */
    public void unsupported() {
        supported = false;
    }

    boolean supported() {
        return supported;
    }

    /** @return how many listings were asked with {@code policy}. */
    public int reads(ReadPolicy policy) {
        return reads.get(policy).get();
    }

    List<Volume> list(String node, String storage, String content, ReadPolicy policy, boolean reachable) {
        reads.get(policy).incrementAndGet();
        String key = node + "/" + storage;
        if (policy == ReadPolicy.CACHE_ONLY) {
            return only(cache.getOrDefault(key, List.of()), content);
        }
        if (policy == ReadPolicy.CACHED) {
            await();
            if (cache.containsKey(key)) {
                return only(cache.get(key), content);
            }
        }
        if (!reachable) {
            throw new ProviderException(ProviderException.Kind.CONNECTION, "connection refused: 127.0.0.1:8006");
        }
        List<Volume> fresh = server.getOrDefault(node, List.of()).stream().filter(v -> v.storage().equals(storage)).toList();
        cache.put(key, fresh);
        return only(fresh, content);
    }

    private void await() {
        try {
            gate.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException(ProviderException.Kind.TIMEOUT, "interrupted");
        }
    }

    private static List<Volume> only(List<Volume> volumes, String content) {
        return volumes.stream().filter(v -> content.isEmpty() || v.content().equals(content))
                .sorted(Comparator.comparing(Volume::volid)).toList();
    }

    private static List<Volume> volumes(String... volids) {
        return Stream.of(volids).map(id -> new Volume(id, id.substring(id.indexOf(':') + 1, id.indexOf('/')), "", 0, 0,
                Instant.EPOCH)).toList();
    }
}
