package dev.proxmoxmpc.plugin.resources.complete;

import dev.proxmoxmpc.plugin.resources.state.Known;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import dev.proxmoxmpc.spi.model.Storage;
import dev.proxmoxmpc.spi.provider.ProviderSession;
import dev.proxmoxmpc.spi.provider.ReadPolicy;
import java.time.Duration;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Tab candidates for {@code --iso} and {@code --ostemplate}: the volume ids of one content type on every known storage
 * that holds it and is available on the node. Reads {@link ReadPolicy#CACHED} on a daemon thread and waits at most
 * {@link #WAIT} for it, so a slow server never freezes the prompt; on timeout or any error it takes what is cached,
 * however old ({@link ReadPolicy#CACHE_ONLY}), and on an error there nothing. Never throws, never prints.
 */
final class VolumeCompletion {
    /** How long the prompt waits for a cached-or-server answer. */
    static final Duration WAIT = Duration.ofMillis(1500);

    private VolumeCompletion() {}

    /** @return the sorted volume ids of {@code content} on {@code node}'s storages that hold it. */
    static List<String> candidates(KernelContext ctx, Known known, String node, String content) {
        List<String> storages = known.storages().values().stream()
                .filter(s -> s.content().contains(content) && s.availableOn(node)).map(Storage::id).toList();
        if (storages.isEmpty()) {
            return List.of();
        }
        try {
            return CompletableFuture.supplyAsync(() -> read(ctx, storages, node, content, ReadPolicy.CACHED), VolumeCompletion::daemon)
                    .get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        } catch (ExecutionException | TimeoutException e) {
            // too slow or failed: what is cached will do
        }
        try {
            return read(ctx, storages, node, content, ReadPolicy.CACHE_ONLY);
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    private static List<String> read(KernelContext ctx, List<String> storages, String node, String content, ReadPolicy policy) {
        TreeSet<String> out = new TreeSet<>();
        try (ProviderSession session = ctx.connect()) {
            for (String storage : storages) {
                session.volumes(node, storage, content, policy).forEach(v -> out.add(v.volid()));
            }
        }
        return List.copyOf(out);
    }

    /** Runs a read on its own daemon thread: one the prompt stopped waiting for does not keep the JVM alive. */
    private static void daemon(Runnable read) {
        Thread t = new Thread(read, "volume-completion");
        t.setDaemon(true);
        t.start();
    }
}
