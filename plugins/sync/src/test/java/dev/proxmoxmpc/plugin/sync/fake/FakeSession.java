package dev.proxmoxmpc.plugin.sync.fake;

import dev.proxmoxmpc.spi.console.Progress;
import dev.proxmoxmpc.spi.model.Container;
import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.GuestRuntime;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.model.PowerState;
import dev.proxmoxmpc.spi.model.PropertyString;
import dev.proxmoxmpc.spi.model.VirtualMachine;
import dev.proxmoxmpc.spi.provider.Change;
import dev.proxmoxmpc.spi.provider.ChangeResult;
import dev.proxmoxmpc.spi.provider.ProviderSession;
import dev.proxmoxmpc.spi.provider.ResourceRef;
import dev.proxmoxmpc.spi.provider.ServerInfo;
import dev.proxmoxmpc.spi.provider.TaskRecord;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * An in-memory server for tests: applies changes to an inventory the way Proxmox would (digest checks included),
 * fails the changes a test asks it to, and records what it did.
 */
public final class FakeSession implements ProviderSession {
    private Inventory server;
    private final List<Change> applied = new ArrayList<>();
    private final List<String> snapshots = new ArrayList<>();
    private final Map<String, Guest> snapshotted = new java.util.HashMap<>();
    private final List<TaskRecord> tasks = new ArrayList<>();
    private Predicate<Change> fail = c -> false;
    private int discoveries;
    private final List<java.util.Set<Integer>> targeted = new ArrayList<>();
    private final List<dev.proxmoxmpc.spi.model.Volume> backups = new ArrayList<>();
    private final java.util.Set<String> downNodes = new java.util.TreeSet<>();
    private int cacheForgotten;

    public FakeSession(Inventory server) {
        this.server = withDigests(server);
    }

    /** Fails every change matching {@code p} (until told otherwise). */
    public synchronized FakeSession failWhen(Predicate<Change> p) {
        this.fail = p;
        return this;
    }

    public synchronized Inventory server() {
        return server;
    }

    /** Changes the server behind our back (another admin). */
    public synchronized void edit(Guest g) {
        server = server.withGuest(withDigest(g));
    }

    public synchronized List<Change> applied() {
        return List.copyOf(applied);
    }

    public synchronized List<String> snapshots() {
        return List.copyOf(snapshots);
    }

    public synchronized int discoveries() {
        return discoveries;
    }

    /** @return how often {@link #forgetCache()} was called. */
    public synchronized int cacheForgotten() {
        return cacheForgotten;
    }

    @Override
    public synchronized void forgetCache() {
        cacheForgotten++;
    }

    public synchronized void addTask(TaskRecord t) {
        tasks.add(t);
    }

    @Override
    public ServerInfo probe() {
        return new ServerInfo("9.0.0", "demo", List.of("pve1", "pve2"), "root@pam!mpc", Map.of());
    }

    /**
     * Takes a node down (or brings it back): discovery then lists it {@code offline} without its guests and
     * networks, as the Proxmox provider reports a node it cannot reach, and changes on it fail.
     */
    public synchronized void nodeDown(String node, boolean down) {
        if (down) {
            downNodes.add(node);
        } else {
            downNodes.remove(node);
        }
    }

    /** @return the {@code mustRead} sets of the targeted reads so far, in order (each also counts as a discovery) */
    public synchronized List<java.util.Set<Integer>> targeted() {
        return List.copyOf(targeted);
    }

    /** A targeted read here reads everything (a provider may always read more than it must), recording what it was asked. */
    @Override
    public synchronized Inventory discover(Progress progress, Inventory known, java.util.Set<Integer> mustRead) {
        targeted.add(java.util.Set.copyOf(mustRead));
        return discover(progress);
    }

    @Override
    public synchronized Inventory discover(Progress progress) {
        discoveries++;
        if (downNodes.isEmpty()) {
            return server;
        }
        List<dev.proxmoxmpc.spi.model.Node> nodes = server.nodes().stream().map(n -> downNodes.contains(n.name())
                ? new dev.proxmoxmpc.spi.model.Node(n.name(), "offline", 0, 0, 0, 0, "") : n).toList();
        return new Inventory(server.cluster(), nodes, server.guests().stream().filter(g -> !downNodes.contains(g.node())).toList(),
                server.storages(), server.networks().stream().filter(n -> !downNodes.contains(n.node())).toList(), server.pools());
    }

    @Override
    public synchronized ChangeResult apply(Change c, Progress progress) {
        boolean onDownNode;
        synchronized (this) {
            onDownNode = downNodes.contains(c.target().node());
        }
        if (onDownNode) {
            return ChangeResult.failed(c, "the cluster could not reach the target node", "", List.of(), 1);
        }
        if (fail.test(c)) {
            return ChangeResult.failed(c, "injected failure", "UPID:fake", List.of("TASK ERROR: injected failure"), 1);
        }
        String problem = execute(c);
        if (!problem.isEmpty()) {
            return ChangeResult.failed(c, problem, "", List.of(), 1);
        }
        applied.add(c);
        return ChangeResult.ok(c, "UPID:fake:" + applied.size(), 1);
    }

    private String execute(Change c) {
        ResourceRef ref = c.target();
        if (ref.type() != ResourceRef.Type.VM && ref.type() != ResourceRef.Type.CONTAINER) {
            return "";
        }
        int vmid = Integer.parseInt(ref.id());
        Guest g = server.guest(vmid).orElse(null);
        switch (c.action()) {
            case CREATE -> {
                if (g != null) {
                    return "VM " + vmid + " already exists";
                }
                Map<String, String> config = new TreeMap<>(c.settings());
                config.remove("pool");
                config.remove("password");
                PowerState s = c.option(Change.OPT_START).equals("1") ? PowerState.RUNNING : PowerState.STOPPED;
                Guest created = ref.type() == ResourceRef.Type.VM
                        ? new VirtualMachine(vmid, ref.node(), c.settings().getOrDefault("pool", ""), s, config, GuestRuntime.NONE)
                        : new Container(vmid, ref.node(), c.settings().getOrDefault("pool", ""), s, config, GuestRuntime.NONE);
                server = server.withGuest(withDigest(created));
            }
            case CLONE -> {
                Guest src = server.guest(Integer.parseInt(c.option(Change.OPT_SOURCE))).orElse(null);
                if (src == null || g != null) {
                    return "bad clone";
                }
                Map<String, String> config = new TreeMap<>(src.config());
                config.remove("template");
                config.putAll(c.settings());
                PowerState s = c.option(Change.OPT_START).equals("1") ? PowerState.RUNNING : PowerState.STOPPED;
                server = server.withGuest(withDigest(new VirtualMachine(vmid, ref.node(), "", s, config, GuestRuntime.NONE)));
            }
            case DELETE -> server = server.withoutGuest(vmid);
            case UPDATE -> {
                if (g == null) {
                    return "no such guest";
                }
                String digest = c.option(Change.OPT_DIGEST);
                if (!digest.isEmpty() && !digest.equals(g.runtime().digest())) {
                    return "config digest mismatch";
                }
                Map<String, String> config = new TreeMap<>(g.config());
                config.putAll(c.settings());
                c.deletions().forEach(config::remove);
                server = server.withGuest(withDigest(g.withConfig(config)));
            }
            case RESIZE -> {
                String slot = c.option(Change.OPT_DISK);
                String spec = PropertyString.parse(g.value(slot)).with("size", c.option(Change.OPT_SIZE)).format();
                server = server.withGuest(withDigest(g.withConfigValue(slot, spec)));
            }
            case MIGRATE -> server = server.withGuest(g.withNode(c.option(Change.OPT_TARGET_NODE)));
            case START -> server = server.withGuest(g.withStatus(PowerState.RUNNING));
            case STOP, SHUTDOWN -> server = server.withGuest(g.withStatus(PowerState.STOPPED));
            case SNAPSHOT -> {
                snapshots.add(vmid + "@" + c.option(Change.OPT_SNAPSHOT));
                snapshotted.put(vmid + "@" + c.option(Change.OPT_SNAPSHOT), g);
                server = server.withGuest(withDigest(g.withConfigValue("parent", c.option(Change.OPT_SNAPSHOT))));
            }
            case ROLLBACK -> {
                Guest then = snapshotted.get(vmid + "@" + c.option(Change.OPT_SNAPSHOT));
                if (then == null) {
                    return "snapshot '" + c.option(Change.OPT_SNAPSHOT) + "' does not exist";
                }
                server = server.withGuest(withDigest(then.withStatus(PowerState.STOPPED)));
            }
            case BACKUP -> {
                String kind = g.kind() == dev.proxmoxmpc.spi.model.GuestKind.VM ? "qemu" : "lxc";
                backups.add(new dev.proxmoxmpc.spi.model.Volume(c.option(Change.OPT_STORAGE) + ":backup/vzdump-" + kind + "-" + vmid
                        + "-2026_11_25-12_00_0" + backups.size() + (kind.equals("qemu") ? ".vma.zst" : ".tar.zst"), "backup", "zst",
                        1 << 20, vmid, java.time.Instant.parse("2026-11-25T12:00:00Z").plusSeconds(backups.size())));
            }
            default -> { }
        }
        return "";
    }

    /** Puts a backup archive on the (only) storage, as if made earlier. */
    public synchronized void addBackup(dev.proxmoxmpc.spi.model.Volume v) {
        backups.add(v);
    }

    @Override
    public synchronized List<dev.proxmoxmpc.spi.model.Volume> volumes(String node, String storage, String content,
                                                                     dev.proxmoxmpc.spi.provider.ReadPolicy policy) {
        return backups.stream().filter(v -> v.volid().startsWith(storage + ":")).toList();
    }

    @Override
    public int nextVmid() {
        return server.guests().stream().mapToInt(Guest::vmid).max().orElse(99) + 1;
    }

    @Override
    public synchronized List<TaskRecord> recentTasks() {
        return List.copyOf(tasks);
    }

    @Override
    public void close() {}

    private static Inventory withDigests(Inventory inv) {
        return inv.withGuests(inv.guests().stream().map(FakeSession::withDigest).toList());
    }

    private static Guest withDigest(Guest g) {
        return g.withRuntime(new GuestRuntime("", "", 0, List.of(), digest(g.config())));
    }

    public static String digest(Map<String, String> config) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(new TreeMap<>(config).toString().getBytes()));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
