package dev.proxmoxmpc.plugin.proxmox;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proxmoxmpc.plugin.proxmox.cache.CachedReads;
import dev.proxmoxmpc.plugin.proxmox.cache.ResponseCache;
import dev.proxmoxmpc.plugin.proxmox.change.ChangeExecutor;
import dev.proxmoxmpc.plugin.proxmox.change.LockScheduler;
import dev.proxmoxmpc.plugin.proxmox.discovery.Discovery;
import dev.proxmoxmpc.plugin.proxmox.discovery.GuestSummaries;
import dev.proxmoxmpc.plugin.proxmox.http.Json;
import dev.proxmoxmpc.plugin.proxmox.http.PlainData;
import dev.proxmoxmpc.plugin.proxmox.http.PveClient;
import dev.proxmoxmpc.plugin.proxmox.storage.StorageContent;
import dev.proxmoxmpc.plugin.proxmox.task.TaskWaiter;
import dev.proxmoxmpc.plugin.proxmox.task.Upid;
import dev.proxmoxmpc.spi.console.Progress;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.model.Volume;
import dev.proxmoxmpc.spi.provider.ApiData;
import dev.proxmoxmpc.spi.provider.Change;
import dev.proxmoxmpc.spi.provider.ChangeListener;
import dev.proxmoxmpc.spi.provider.ChangeResult;
import dev.proxmoxmpc.spi.provider.Endpoint;
import dev.proxmoxmpc.spi.provider.ProviderException;
import dev.proxmoxmpc.spi.provider.ProviderSession;
import dev.proxmoxmpc.spi.provider.TokenRotation;
import dev.proxmoxmpc.spi.provider.ReadPolicy;
import dev.proxmoxmpc.spi.provider.ServerInfo;
import dev.proxmoxmpc.spi.provider.TaskRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A connection to one Proxmox VE cluster. Thread-safe.
 *
 * <p>Only {@link #volumes} may answer from the response cache. Discovery, the change executor and task polling
 * use the client directly (an ArchUnit rule keeps it so), and every {@link #apply}/{@link #applyAll} empties the
 * cache afterwards, whether it succeeded or not: a change may add or remove volumes (backups, disks, deletes).
 */
public final class ProxmoxSession implements ProviderSession, TokenRotation {
    private final PveClient client;
    private final Endpoint endpoint;
    private final ChangeExecutor executor;
    private final CachedReads reads;
    private final StorageContent content;
    private final GuestSummaries summaries;

    /** A session without a cache: {@code CACHED} reads ask the server, {@code CACHE_ONLY} reads find nothing. */
    public ProxmoxSession(Endpoint endpoint) {
        this(endpoint, Optional.empty());
    }

    /** A session keeping the answers of cacheable reads in {@code cacheDir} (created on the first write). */
    public ProxmoxSession(Endpoint endpoint, Path cacheDir) {
        this(endpoint, Optional.of(cacheDir));
    }

    private ProxmoxSession(Endpoint endpoint, Optional<Path> cacheDir) {
        this.endpoint = endpoint;
        this.client = new PveClient(endpoint);
        TaskWaiter waiter = new TaskWaiter(client, Duration.ofMillis(50), Duration.ofSeconds(1), Duration.ofHours(2));
        this.executor = new ChangeExecutor(client, waiter);
        this.reads = cacheDir.map(dir -> CachedReads.in(new ResponseCache(dir, endpoint.url().toString(), client.identity())))
                .orElseGet(CachedReads::uncached);
        this.content = new StorageContent(client, reads);
        this.summaries = cacheDir.map(dir -> GuestSummaries.in(dir, endpoint.url().toString(), client.identity()))
                .orElseGet(GuestSummaries::none);
    }

    /** @return the underlying client (request counts, retry tuning). */
    public PveClient client() {
        return client;
    }

    /** @return the change executor (lock-wait tuning). */
    public ChangeExecutor executor() {
        return executor;
    }

    @Override
    public ServerInfo probe() {
        JsonNode version = client.get("/version");
        String cluster = "";
        List<String> nodes = new ArrayList<>();
        try {
            for (JsonNode e : client.get("/cluster/status")) {
                if (Json.string(e, "type").equals("cluster")) {
                    cluster = Json.string(e, "name");
                } else if (Json.string(e, "type").equals("node")) {
                    nodes.add(Json.string(e, "name"));
                }
            }
        } catch (ProviderException e) {
            if (e.kind() != ProviderException.Kind.PERMISSION) {
                throw e;
            }
            client.get("/nodes").forEach(n -> nodes.add(Json.string(n, "node")));
        }
        Map<String, List<String>> privileges = new TreeMap<>();
        client.get("/access/permissions").fields().forEachRemaining(e -> {
            List<String> privs = new ArrayList<>();
            e.getValue().fieldNames().forEachRemaining(privs::add);
            privs.sort(null);
            privileges.put(e.getKey(), privs);
        });
        nodes.sort(null);
        return new ServerInfo(Json.string(version, "version"), cluster, nodes, client.identity(), privileges);
    }

    /**
     * {@code PUT /access/users/{user}/token/{name}} with {@code regenerate=1} (PVE 9): same id and ACLs, new secret.
     * The schema allows it to the user itself (a ticket login) or to whoever holds User.Modify on the user's group
     * ({@code /access/groups/...}); an API token authenticates as {@code user@realm!name}, never as "itself", so a
     * token rotating its own secret needs User.Modify.
     */
    @Override
    public String regenerateToken(String tokenId) {
        int bang = tokenId.indexOf('!');
        if (bang <= 0 || bang == tokenId.length() - 1) {
            throw new ProviderException(ProviderException.Kind.INVALID, "not an API token id (user@realm!name): " + tokenId);
        }
        String path = "/access/users/" + encode(tokenId.substring(0, bang)) + "/token/" + encode(tokenId.substring(bang + 1));
        String secret = Json.string(client.put(path, Map.of("regenerate", "1")), "value");
        if (secret.isEmpty()) {
            throw new ProviderException(ProviderException.Kind.SERVER, "the server regenerated no secret for " + tokenId
                    + " (PVE 9 or later answers it)");
        }
        return secret;
    }

    private static String encode(String segment) {
        return java.net.URLEncoder.encode(segment, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public Inventory discover(Progress progress) {
        return new Discovery(client, endpoint.concurrency(), summaries).discover(progress);
    }

    @Override
    public Inventory discover(Progress progress, Inventory known, Set<Integer> mustRead) {
        return new Discovery(client, endpoint.concurrency(), summaries).discover(progress, known, mustRead);
    }

    @Override
    public ChangeResult apply(Change change, Progress progress) {
        try {
            return executor.apply(change, progress);
        } finally {
            reads.forget();
        }
    }

    @Override
    public List<ChangeResult> applyAll(List<Change> changes, int parallelism, Progress progress) {
        return applyAll(changes, parallelism, progress, ChangeListener.NONE);
    }

    @Override
    public List<ChangeResult> applyAll(List<Change> changes, int parallelism, Progress progress, ChangeListener listener) {
        try {
            return new LockScheduler((c, p) -> {
                listener.starting(c);
                ChangeResult r = executor.apply(c, p);
                listener.finished(r);
                return r;
            }).run(changes, parallelism, progress);
        } finally {
            reads.forget();
        }
    }

    @Override
    public List<Volume> volumes(String node, String storage, String content, ReadPolicy policy) {
        return this.content.list(node, storage, content, policy);
    }

    @Override
    public ApiData read(String path, Map<String, String> query) {
        if (!path.startsWith("/") || path.contains("?") || path.contains("#") || path.contains("/../")
                || path.endsWith("/..") || path.contains("/./") || path.contains("//")) {
            throw new ProviderException(ProviderException.Kind.INVALID,
                    "not an API path: '" + path + "' (expected the form /cluster/resources, without a query string)");
        }
        return PlainData.of(client.get(path, query));
    }

    @Override
    public void forgetCache() {
        reads.forget();
    }

    @Override
    public int nextVmid() {
        return (int) Long.parseLong(Json.text(client.get("/cluster/nextid")).trim());
    }

    @Override
    public List<TaskRecord> recentTasks() {
        List<TaskRecord> out = new ArrayList<>();
        for (JsonNode t : client.get("/cluster/tasks")) {
            out.add(task(t));
        }
        out.sort((a, b) -> b.start().compareTo(a.start()));
        return out;
    }

    static TaskRecord task(JsonNode t) {
        String upid = Json.string(t, "upid");
        Upid parsed = Upid.looksLike(upid) ? safeParse(upid) : null;
        String user = Json.string(t, "user");
        String token = Json.string(t, "tokenid");
        if (parsed != null) {
            user = user.isEmpty() ? parsed.user() : user;
            token = token.isEmpty() ? parsed.tokenId() : token;
        }
        if (user.contains("!")) { // some rows carry user!token in one field
            token = token.isEmpty() ? user.substring(user.indexOf('!') + 1) : token;
            user = user.substring(0, user.indexOf('!'));
        }
        long start = Json.longValue(t, "starttime", parsed == null ? 0 : parsed.start().getEpochSecond());
        long end = Json.longValue(t, "endtime", 0);
        return new TaskRecord(upid, first(Json.string(t, "node"), parsed == null ? "" : parsed.node()),
                first(Json.string(t, "type"), parsed == null ? "" : parsed.type()),
                first(Json.string(t, "id"), parsed == null ? "" : parsed.id()), user, token,
                Instant.ofEpochSecond(start), end > 0 ? Optional.of(Instant.ofEpochSecond(end)) : Optional.empty(),
                Json.string(t, "status"));
    }

    private static Upid safeParse(String upid) {
        try {
            return Upid.parse(upid);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String first(String a, String b) {
        return a.isEmpty() ? b : a;
    }

    @Override
    public void close() {
        client.close();
    }
}
