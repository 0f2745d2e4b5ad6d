package dev.proxmoxmpc.plugin.testing;

import dev.proxmoxmpc.spi.console.Progress;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.provider.ApiData;
import dev.proxmoxmpc.spi.provider.Change;
import dev.proxmoxmpc.spi.provider.ChangeResult;
import dev.proxmoxmpc.spi.provider.ProviderException;
import dev.proxmoxmpc.spi.provider.ProviderSession;
import dev.proxmoxmpc.spi.provider.ServerInfo;
import dev.proxmoxmpc.spi.provider.TaskRecord;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** A read-only server for tests: discovery answers an inventory, reads answer what the test registered. */
public final class FakeServer implements ProviderSession {
    private volatile Inventory inventory;
    private volatile ProviderException discoveryFailure;
    private final Map<String, Function<Map<String, String>, ApiData>> answers = new ConcurrentHashMap<>();
    private final List<String> reads = new java.util.concurrent.CopyOnWriteArrayList<>();

    public FakeServer(Inventory inventory) {
        this.inventory = inventory;
    }

    /** Answers GET {@code path} with {@code data} (a Map, List or value). */
    public FakeServer answer(String path, Object data) {
        answers.put(path, q -> new ApiData(data));
        return this;
    }

    /** Answers GET {@code path} by failing. */
    public FakeServer fail(String path, ProviderException e) {
        answers.put(path, q -> {
            throw e;
        });
        return this;
    }

    public FakeServer failDiscovery(ProviderException e) {
        this.discoveryFailure = e;
        return this;
    }

    public void inventory(Inventory inv) {
        this.inventory = inv;
    }

    public List<String> reads() {
        return List.copyOf(reads);
    }

    @Override
    public ServerInfo probe() {
        return new ServerInfo("9.2.4", inventory.cluster(), List.of(), "root@pam!mpc", Map.of());
    }

    @Override
    public Inventory discover(Progress progress) {
        if (discoveryFailure != null) {
            throw discoveryFailure;
        }
        return inventory;
    }

    @Override
    public ChangeResult apply(Change change, Progress progress) {
        throw new UnsupportedOperationException("tests never write");
    }

    @Override
    public int nextVmid() {
        return 1000;
    }

    @Override
    public List<TaskRecord> recentTasks() {
        return List.of();
    }

    @Override
    public ApiData read(String path, Map<String, String> query) {
        reads.add(path + (query.isEmpty() ? "" : "?" + new java.util.TreeMap<>(query)));
        Function<Map<String, String>, ApiData> a = answers.get(path);
        if (a == null) {
            throw new ProviderException(ProviderException.Kind.INVALID, "GET " + path + ": not implemented by this server");
        }
        return a.apply(query);
    }

    @Override
    public void close() {
        // nothing to release
    }
}
