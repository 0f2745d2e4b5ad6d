package dev.proxmoxmpc.plugin.proxmox.discovery;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proxmoxmpc.plugin.proxmox.http.ApiException;
import dev.proxmoxmpc.plugin.proxmox.http.Json;
import dev.proxmoxmpc.plugin.proxmox.http.PveClient;
import dev.proxmoxmpc.plugin.proxmox.objects.ObjectFamilies;
import dev.proxmoxmpc.plugin.proxmox.objects.ObjectFamily;
import dev.proxmoxmpc.plugin.proxmox.objects.ObjectRead;
import dev.proxmoxmpc.plugin.proxmox.objects.ObjectReads;
import dev.proxmoxmpc.spi.console.Progress;
import dev.proxmoxmpc.spi.model.ClusterObject;
import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.GuestRuntime;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.model.Network;
import dev.proxmoxmpc.spi.model.Nic;
import dev.proxmoxmpc.spi.model.Node;
import dev.proxmoxmpc.spi.model.Pool;
import dev.proxmoxmpc.spi.model.Storage;
import dev.proxmoxmpc.spi.model.VirtualMachine;
import dev.proxmoxmpc.spi.provider.ProviderException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Reads a whole cluster: one {@code /cluster/resources} call, then every guest config, node status and network,
 * the storage definitions, the pools, the cluster name, the guest-agent addresses of running VMs with the agent
 * enabled and the interface addresses of running containers, fetched in parallel: at most {@code concurrency}
 * requests in flight per node (each node's pveproxy answers for its own guests), and several nodes at a time
 * ({@link ParallelFetch}).
 *
 * <p>A cluster is never all-or-nothing: a node listed {@code offline} is not asked anything, and a node listed online
 * whose calls are answered 595/596 (the proxy cannot reach it) is treated the same. Such a node stays in the
 * inventory with its status ({@code offline}, or {@code unknown} when it was listed online), without its guests and
 * networks: what cannot be read is left out rather than guessed, and the caller keeps its last known state.
 */
public final class Discovery {
    /** The read-only object the facts of the cluster go in ({@code version}, {@code quorate}, {@code unread}). */
    public static final String STATUS = "cluster-status";

    private final PveClient client;
    private final int concurrency;
    /** Set once the server answers 501 for the agent call: it does not implement it for any guest. */
    private final AtomicBoolean agentNotImplemented = new AtomicBoolean();
    /** The same for {@code /nodes/{n}/lxc/{vmid}/interfaces} (PVE 8.1+). */
    private final AtomicBoolean lxcInterfacesNotImplemented = new AtomicBoolean();

    private final GuestSummaries summaries;

    public Discovery(PveClient client, int concurrency) {
        this(client, concurrency, GuestSummaries.none());
    }

    /** @param summaries where the guests' summaries are kept between reads, for {@link #discover(Progress, Inventory, Set)} */
    public Discovery(PveClient client, int concurrency, GuestSummaries summaries) {
        this.client = client;
        this.concurrency = Math.max(1, concurrency);
        this.summaries = summaries;
    }

    /** @return the observed inventory; progress counts one step per request. */
    public Inventory discover(Progress progress) {
        return read(progress, null, Set.of());
    }

    /**
     * The targeted read: like {@link #discover(Progress)}, but a guest of {@code known} is taken as it is, without reading
     * its config, when it is not in {@code mustRead}, {@code /cluster/resources} lists it with the same kind and node, its
     * summary there is the one kept when its config was last read, and the known copy has that config's digest. Such a
     * guest's own objects (its firewall options, rules, aliases and IP sets: four GETs per guest) are the known ones
     * too; the caller puts a guest whose objects the plan may change into {@code mustRead}.
     *
     * @return the observed inventory; progress counts one step per request
     */
    public Inventory discover(Progress progress, Inventory known, Set<Integer> mustRead) {
        return read(progress, known, mustRead);
    }

    private Inventory read(Progress progress, Inventory known, Set<Integer> mustRead) {
        AtomicLong total = new AtomicLong(1);
        progress.total(1);
        JsonNode resources = client.get("/cluster/resources");
        progress.step(1);

        List<GuestRow> rows = new ArrayList<>();
        Map<Integer, String> summaryOf = new HashMap<>();
        List<JsonNode> nodeRows = new ArrayList<>();
        for (JsonNode r : resources) {
            GuestRow g = GuestRow.of(r);
            if (g != null) {
                rows.add(g);
                summaryOf.put(g.vmid(), GuestSummaries.summary(r));
            } else if (Json.string(r, "type").equals("node")) {
                nodeRows.add(r);
            }
        }
        if (nodeRows.isEmpty()) {
            // /cluster/resources filters by privilege instead of failing: seeing no node means the token or user
            // cannot audit the cluster, and an empty inventory would read as "everything was deleted".
            throw new ProviderException(ProviderException.Kind.PERMISSION, "permission denied: " + client.identity()
                    + " sees no node in /cluster/resources: it lacks Sys.Audit (and VM.Audit, Datastore.Audit) on /;"
                    + " grant them, e.g. 'pveum acl modify / --" + (client.identity().contains("!") ? "tokens " : "users ")
                    + client.identity() + " --roles PVEAuditor'");
        }
        List<String> online = nodeRows.stream().filter(n -> Json.string(n, "status").equals("online"))
                .map(n -> Json.string(n, "node")).toList();
        Set<String> unreachable = ConcurrentHashMap.newKeySet();

        Map<Integer, Guest> guests = new ConcurrentHashMap<>();
        Map<String, JsonNode> nodeStatus = new ConcurrentHashMap<>();
        List<Network> networks = Collections.synchronizedList(new ArrayList<>());
        List<Storage> storages = Collections.synchronizedList(new ArrayList<>());
        List<Pool> pools = Collections.synchronizedList(new ArrayList<>());
        String[] cluster = {""};
        Map<String, String> facts = new ConcurrentHashMap<>();
        List<ClusterObject> objects = Collections.synchronizedList(new ArrayList<>());
        Set<String> unread = ConcurrentHashMap.newKeySet();

        List<ParallelFetch.OnNode> jobs = new ArrayList<>();
        jobs.add(new ParallelFetch.OnNode("", () -> cluster[0] = clusterStatus(facts)));
        jobs.add(new ParallelFetch.OnNode("", () -> storages.addAll(ResourceMapper.storages(client.get("/storage")))));
        jobs.add(new ParallelFetch.OnNode("", () -> pools.addAll(ResourceMapper.pools(client.get("/pools")))));
        for (String n : online) {
            jobs.add(new ParallelFetch.OnNode(n, () -> reachable(n, unreachable,
                    () -> nodeStatus.put(n, client.get("/nodes/" + n + "/status")))));
            jobs.add(new ParallelFetch.OnNode(n, () -> reachable(n, unreachable,
                    () -> networks.addAll(ResourceMapper.networks(n, client.get("/nodes/" + n + "/network"))))));
        }
        Map<Integer, GuestSummaries.Entry> kept = known == null ? Map.of() : summaries.load();
        Map<Integer, Guest> knownGuests = new HashMap<>();
        if (known != null) {
            known.guests().forEach(g -> knownGuests.put(g.vmid(), g));
        }
        Map<Integer, GuestSummaries.Entry> seenSummaries = new ConcurrentHashMap<>();
        Set<Integer> keptGuests = new HashSet<>();
        for (GuestRow row : rows) {
            if (online.contains(row.node())) {
                String summary = summaryOf.get(row.vmid());
                GuestSummaries.Entry entry = kept.get(row.vmid());
                Guest same = mustRead.contains(row.vmid()) ? null : unchanged(row, knownGuests.get(row.vmid()), summary, entry);
                if (same != null) {
                    guests.put(row.vmid(), same);
                    seenSummaries.put(row.vmid(), entry);
                    keptGuests.add(row.vmid());
                } else {
                    jobs.add(new ParallelFetch.OnNode(row.node(), () -> reachable(row.node(), unreachable,
                            () -> fetchGuest(row, guests, total, progress,
                                    digest -> seenSummaries.put(row.vmid(), new GuestSummaries.Entry(summary, digest))))));
                }
            }
        }
        progress.total(total.incrementAndGet());
        version(facts);
        progress.step(1);
        // a read unit counts as one step; the requests it makes after its first add one each
        ThreadLocal<int[]> unitRequests = ThreadLocal.withInitial(() -> new int[1]);
        Runnable count = () -> {
            if (++unitRequests.get()[0] > 1) {
                progress.total(total.incrementAndGet());
                progress.step(1);
            }
        };
        // a guest taken as known keeps its known guest-level objects (its firewall) too: they are not read again
        ObjectReads ctx = new ObjectReads(client, online, rows.stream()
                .filter(r -> online.contains(r.node()) && !keptGuests.contains(r.vmid()))
                .map(r -> new ObjectReads.Guest(r.node(), r.vmid(), r.qemu())).toList(), facts.getOrDefault("version", ""), count);
        if (known != null && !keptGuests.isEmpty()) {
            for (ClusterObject o : known.objects()) {
                Integer vmid = guestScope(o.scope());
                if (vmid != null && keptGuests.contains(vmid)) {
                    objects.add(o);
                }
            }
        }
        for (ObjectFamily family : ObjectFamilies.ALL) {
            for (ObjectRead read : family.reads(ctx)) {
                jobs.add(new ParallelFetch.OnNode(read.node(), () -> {
                    unitRequests.get()[0] = 0;
                    readObjects(family, read, unreachable, unread, objects);
                }));
            }
        }
        progress.total(total.addAndGet(jobs.size()));
        ParallelFetch.runOnNodes(jobs, concurrency, progress);
        summaries.save(seenSummaries);

        List<Node> nodes = nodeRows.stream().map(r -> {
            Node n = ResourceMapper.node(r, nodeStatus.get(Json.string(r, "node")));
            return unreachable.contains(n.name()) ? new Node(n.name(), "unknown", n.maxCpu(), n.maxMemory(), n.maxDisk(), 0,
                    n.level()) : n;
        }).toList();
        List<Guest> seen = guests.values().stream().filter(g -> !unreachable.contains(g.node())).toList();
        List<Network> nets = networks.stream().filter(n -> !unreachable.contains(n.node())).toList();
        if (!unread.isEmpty()) {
            facts.put("unread", String.join(",", new java.util.TreeSet<>(unread)));
        }
        List<ClusterObject> seenObjects = new ArrayList<>();
        objects.stream().filter(o -> !unread.contains(o.kind())).forEach(seenObjects::add);
        seenObjects.add(new ClusterObject(STATUS, "", "", facts));
        return new Inventory(cluster[0], nodes, seen, storages, nets, pools, seenObjects);
    }

    /**
     * Runs one read of a family. What the server refuses (403), or asks of a node it cannot reach, leaves the family's
     * kinds unread (listed in the status object): plans then leave them alone rather than recreate them. A server
     * without the feature (501) has none.
     */
    private static void readObjects(ObjectFamily family, ObjectRead read, Set<String> unreachable, Set<String> unread,
                                    List<ClusterObject> out) {
        if (!read.node().isEmpty() && unreachable.contains(read.node())) {
            unread.addAll(family.kinds());
            return;
        }
        try {
            out.addAll(read.read().get());
        } catch (ApiException e) {
            if (e.status() == 501) {
                return;
            }
            if (e.status() == 595 || e.status() == 596) {
                if (!read.node().isEmpty()) {
                    unreachable.add(read.node());
                }
                unread.addAll(family.kinds());
                return;
            }
            if (e.kind() == ProviderException.Kind.PERMISSION) {
                unread.addAll(family.kinds());
                return;
            }
            throw e;
        } catch (ProviderException e) {
            if (e.kind() != ProviderException.Kind.PERMISSION) {
                throw e;
            }
            unread.addAll(family.kinds());
        }
    }

    /** {@code /version}: every authenticated user may read it. */
    private void version(Map<String, String> facts) {
        try {
            JsonNode v = client.get("/version");
            facts.put("version", Json.string(v, "version"));
            facts.put("release", Json.string(v, "release"));
        } catch (ProviderException e) {
            if (e.kind() == ProviderException.Kind.AUTHENTICATION || e.kind() == ProviderException.Kind.TLS
                    || e.kind() == ProviderException.Kind.CONNECTION) {
                throw e;
            }
        }
    }

    /**
     * @return the known guest with the row's runtime when its config need not be read again (same kind and node, the
     *     summary kept when its config was read, that config's digest), else null
     */
    private static Guest unchanged(GuestRow row, Guest known, String summary, GuestSummaries.Entry entry) {
        if (known == null || entry == null || entry.digest().isEmpty() || !entry.summary().equals(summary)
                || !entry.digest().equals(known.runtime().digest()) || !known.node().equals(row.node())
                || (known instanceof VirtualMachine) != row.qemu()) {
            return null;
        }
        return ResourceMapper.guest(row, known.config(), known.runtime().ipAddresses(), known.runtime().digest());
    }

    /** @return the VMID of a guest scope ({@code vm/101}, {@code ct/200}), or null for the cluster or a node */
    private static Integer guestScope(String scope) {
        if (scope.startsWith("vm/") || scope.startsWith("ct/")) {
            try {
                return Integer.valueOf(scope.substring(3));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** Runs a read on a node; a 595/596 (the cluster cannot reach that node) marks the node instead of failing. */
    private static void reachable(String node, Set<String> unreachable, ParallelFetch.Job job) {
        if (unreachable.contains(node)) {
            return;
        }
        try {
            job.run();
        } catch (ApiException e) {
            if (e.status() != 595 && e.status() != 596) {
                throw e;
            }
            unreachable.add(node);
        }
    }

    private void fetchGuest(GuestRow row, Map<Integer, Guest> out, AtomicLong total, Progress progress,
                            Consumer<String> readDigest) {
        JsonNode config;
        try {
            config = client.get(row.path() + "/config");
        } catch (ProviderException e) {
            if (e.kind() == ProviderException.Kind.NOT_FOUND) {
                return; // removed since /cluster/resources was read
            }
            throw e;
        }
        Guest guest = ResourceMapper.guest(row, config, List.of());
        boolean running = row.status().equals("running") && !row.template();
        if (guest instanceof VirtualMachine vm && vm.agent() && running && !agentNotImplemented.get()) {
            progress.total(total.incrementAndGet());
            guest = guest.withRuntime(withIps(guest, addresses(row.path() + "/agent/network-get-interfaces", guest, agentNotImplemented)));
            progress.step(1);
        } else if (!row.qemu() && running && !lxcInterfacesNotImplemented.get()) {
            progress.total(total.incrementAndGet());
            guest = guest.withRuntime(withIps(guest, addresses(row.path() + "/interfaces", guest, lxcInterfacesNotImplemented)));
            progress.step(1);
        }
        out.put(row.vmid(), guest);
        readDigest.accept(guest.runtime().digest());
    }

    private static GuestRuntime withIps(Guest g, List<String> ips) {
        GuestRuntime r = g.runtime();
        return new GuestRuntime(r.lock(), r.haState(), r.uptimeSeconds(), ips, r.digest());
    }

    /**
     * Reads a guest's addresses (QEMU guest agent, or a container's interfaces). The agent may not run or answer:
     * that is normal and yields no addresses; a 501 means the server has no such call, so it is not asked again.
     */
    private List<String> addresses(String path, Guest guest, AtomicBoolean notImplemented) {
        try {
            return ResourceMapper.agentAddresses(client.getOnce(path), guest.nics().stream().map(Nic::mac).toList());
        } catch (ProviderException e) {
            if (e.kind() == ProviderException.Kind.AUTHENTICATION || e.kind() == ProviderException.Kind.TLS) {
                throw e;
            }
            if (e instanceof ApiException api && api.status() == 501) {
                notImplemented.set(true);
            }
            return List.of();
        }
    }

    /**
     * The cluster name and quorum need Sys.Audit on /; without it (or on a single node) the name is {@code ""}.
     * A single node has no cluster entry and is quorate by itself.
     */
    private String clusterStatus(Map<String, String> facts) {
        try {
            String name = "";
            int members = 0;
            for (JsonNode e : client.get("/cluster/status")) {
                if (Json.string(e, "type").equals("cluster")) {
                    name = Json.string(e, "name");
                    facts.put("quorate", Json.text(e.get("quorate")));
                    facts.put("config_version", Json.text(e.get("version")));
                } else if (Json.string(e, "type").equals("node")) {
                    members++;
                }
            }
            facts.putIfAbsent("quorate", "1");
            facts.put("members", Integer.toString(members));
            return name;
        } catch (ProviderException e) {
            if (e.kind() == ProviderException.Kind.PERMISSION) {
                return "";
            }
            throw e;
        }
    }
}
