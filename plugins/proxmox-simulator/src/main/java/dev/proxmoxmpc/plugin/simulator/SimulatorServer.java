package dev.proxmoxmpc.plugin.simulator;

import dev.proxmoxmpc.plugin.simulator.api.AccessApi;
import dev.proxmoxmpc.plugin.simulator.api.AgentApi;
import dev.proxmoxmpc.plugin.simulator.api.BackupApi;
import dev.proxmoxmpc.plugin.simulator.api.BackupJobApi;
import dev.proxmoxmpc.plugin.simulator.firewall.FirewallApi;
import dev.proxmoxmpc.plugin.simulator.api.CertificateApi;
import dev.proxmoxmpc.plugin.simulator.api.CloneApi;
import dev.proxmoxmpc.plugin.simulator.api.ClusterApi;
import dev.proxmoxmpc.plugin.simulator.api.ContentApi;
import dev.proxmoxmpc.plugin.simulator.api.DownloadApi;
import dev.proxmoxmpc.plugin.simulator.api.GuestApi;
import dev.proxmoxmpc.plugin.simulator.api.HaApi;
import dev.proxmoxmpc.plugin.simulator.api.HaRulesApi;
import dev.proxmoxmpc.plugin.simulator.api.MigrateApi;
import dev.proxmoxmpc.plugin.simulator.api.NetworkApi;
import dev.proxmoxmpc.plugin.simulator.api.NodeApi;
import dev.proxmoxmpc.plugin.simulator.api.PoolApi;
import dev.proxmoxmpc.plugin.simulator.api.PowerApi;
import dev.proxmoxmpc.plugin.simulator.api.ReplicationApi;
import dev.proxmoxmpc.plugin.simulator.api.RrdApi;
import dev.proxmoxmpc.plugin.simulator.api.SnapshotApi;
import dev.proxmoxmpc.plugin.simulator.api.StorageApi;
import dev.proxmoxmpc.plugin.simulator.api.TaskApi;
import dev.proxmoxmpc.plugin.simulator.auth.AccessControl;
import dev.proxmoxmpc.plugin.simulator.auth.Authenticator;
import dev.proxmoxmpc.plugin.simulator.auth.Privileges;
import dev.proxmoxmpc.plugin.simulator.ha.HaManager;
import dev.proxmoxmpc.plugin.simulator.http.Dispatcher;
import dev.proxmoxmpc.plugin.simulator.http.Router;
import dev.proxmoxmpc.plugin.simulator.scenario.AccessSeeder;
import dev.proxmoxmpc.plugin.simulator.scenario.Scenario;
import dev.proxmoxmpc.plugin.simulator.scenario.ScenarioLoader;
import dev.proxmoxmpc.plugin.simulator.scenario.Seeder;
import dev.proxmoxmpc.plugin.simulator.sdn.SdnApi;
import dev.proxmoxmpc.plugin.simulator.state.Cluster;
import dev.proxmoxmpc.plugin.simulator.task.TaskRunner;
import dev.proxmoxmpc.plugin.simulator.tls.SelfSignedTls;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xnio.Options;

/**
 * A Proxmox VE API simulator: an HTTPS server on 127.0.0.1 answering {@code /api2/json} like a PVE 9.2 cluster,
 * seeded from a scenario. Thread-safe; {@link #close()} stops it.
 *
 * <pre>{@code
 * try (SimulatorServer pve = SimulatorServer.start(SimulatorOptions.builder().scenario("demo").build())) {
 *     URI api = pve.apiUrl();                       // https://127.0.0.1:<port>/api2/json
 *     String auth = pve.token().authorizationHeader(); // PVEAPIToken=root@pam!mpc=<uuid>
 * }
 * }</pre>
 */
public final class SimulatorServer implements AutoCloseable {
    /** The ready user for ticket auth. */
    public static final String ROOT = "root@pam";
    private static final String JBOSS_LOGGING = "org.jboss.logging.provider";
    private static final String TOKEN_NAME = "mpc";
    private static final Logger LOG = LoggerFactory.getLogger(SimulatorServer.class);

    private final Undertow server;
    private final TaskRunner runner;
    private final Dispatcher dispatcher;
    private final Authenticator auth;
    private final Faults faults;
    private final Cluster cluster;
    private final SelfSignedTls tls;
    private final ApiToken token;
    private final String password;
    private final int boundPort;

    private SimulatorServer(SimulatorOptions o) throws IOException {
        Scenario scenario = ScenarioLoader.load(o.scenarioSpec());
        String firstNode = scenario.nodes().isEmpty() ? "pve" : String.valueOf(scenario.nodes().get(0).name());
        CompletableFuture<SelfSignedTls> certificate = CompletableFuture.supplyAsync(() -> SelfSignedTls.generate(firstNode));
        this.cluster = Seeder.seed(scenario, o.seed());
        AccessControl access = new AccessControl();
        access.poolResolver(path -> poolOf(cluster, path));
        this.auth = new Authenticator(access);
        this.password = o.password();
        auth.addUser(ROOT, o.password(), Privileges.ALL);
        this.token = new ApiToken(ROOT + "!" + TOKEN_NAME, o.tokenSecret().isEmpty() ? UUID.randomUUID().toString() : o.tokenSecret());
        // the ready token is root@pam's, in user.cfg like any other: privsep=0, so it holds root's privileges until an
        // API call changes that
        access.createToken(ROOT, TOKEN_NAME, java.util.Map.of("privsep", "0", "comment", "proxmox-mpc"), token.secret());
        AccessSeeder.seed(access, scenario.access());
        this.faults = new Faults(cluster, auth, o);
        this.runner = new TaskRunner(cluster, faults);
        this.tls = certificate.join();
        cluster.fingerprint = tls.fingerprint();
        Router router = new Router();
        new AccessApi(cluster, auth).register(router);
        new ClusterApi(cluster).register(router);
        new PoolApi(cluster).register(router);
        new StorageApi(cluster).register(router);
        new ContentApi(cluster, runner).register(router);
        new DownloadApi(cluster, runner).register(router);
        new NodeApi(cluster).register(router);
        new NetworkApi(cluster, runner).register(router);
        new TaskApi(cluster, runner).register(router);
        BackupApi backups = new BackupApi(cluster, runner);
        backups.register(router);
        new BackupJobApi(cluster, scenario.backupJobs()).register(router);
        new FirewallApi(cluster, scenario.firewall()).register(router);
        new SdnApi(cluster, runner, scenario.sdn()).register(router);
        HaManager ha = new HaManager(cluster, runner);
        new HaApi(cluster, ha).register(router);
        new HaRulesApi(cluster, scenario.haRules()).register(router);
        new ReplicationApi(cluster, scenario.replicationJobs()).register(router);
        new AgentApi(cluster).register(router);
        new RrdApi(cluster).register(router);
        new CertificateApi(cluster, tls).register(router);
        for (String kind : new String[] {"qemu", "lxc"}) {
            new GuestApi(cluster, runner, kind, backups).register(router);
            new PowerApi(cluster, runner, ha, kind).register(router);
            new SnapshotApi(cluster, runner, kind).register(router);
            new CloneApi(cluster, runner, kind).register(router);
            new MigrateApi(cluster, runner, kind).register(router);
        }
        this.dispatcher = new Dispatcher(router, auth, faults, cluster);
        if (System.getProperty(JBOSS_LOGGING) == null) {
            System.setProperty(JBOSS_LOGGING, "slf4j"); // Undertow's and XNIO's few lines go to our log, not to stderr
        }
        // Undertow, not the JDK's HttpsServer: only it can put PVE's reason phrase into the status line.
        this.server = Undertow.builder()
                .addHttpsListener(o.port(), "127.0.0.1", tls.context())
                .setIoThreads(2)
                .setWorkerThreads(2)
                .setSocketOption(Options.BACKLOG, 128)
                .setServerOption(UndertowOptions.DECODE_URL, false)
                .setServerOption(UndertowOptions.ALWAYS_SET_DATE, false)
                .setHandler(dispatcher) // on the I/O threads: nothing in it blocks
                .build();
        try {
            server.start();
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new IOException(cause.getMessage(), cause);
        }
        this.boundPort = ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
        LOG.info("PVE simulator (scenario {}, {} guests) listening on {}", o.scenarioSpec(), cluster.guests.size(), url());
    }

    /** @return the pool of a guest's or storage's ACL path ({@code /vms/101}), or null */
    private static String poolOf(Cluster cluster, String path) {
        String[] parts = path.split("/");
        if (parts.length != 3) {
            return null;
        }
        boolean vms = parts[1].equals("vms");
        synchronized (cluster) {
            if (cluster.pools.isEmpty()) {
                return null;
            }
            // the VMID once, not per pool (parsed where the first pool's test would have parsed it)
            Integer vmid = vms && parts[2].matches("\\d+") ? Integer.valueOf(Integer.parseInt(parts[2])) : null;
            for (dev.proxmoxmpc.plugin.simulator.state.Pool p : cluster.pools.values()) {
                boolean member = vms ? vmid != null && p.vmids.contains(vmid)
                        : parts[1].equals("storage") && p.storages.contains(parts[2]);
                if (member) {
                    return p.id;
                }
            }
        }
        return null;
    }

    /**
     * Builds the scenario, generates the certificate and starts serving.
     *
     * @throws IllegalArgumentException for a bad scenario
     * @throws UncheckedIOException     when the port cannot be bound
     */
    public static SimulatorServer start(SimulatorOptions options) {
        try {
            return new SimulatorServer(options);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the simulator on 127.0.0.1:" + options.port() + ": " + e.getMessage(), e);
        }
    }

    /** @return {@code https://127.0.0.1:<port>}; the API is below {@code /api2/json}. */
    public URI url() {
        return URI.create("https://127.0.0.1:" + port());
    }

    /** @return {@code https://127.0.0.1:<port>/api2/json}. */
    public URI apiUrl() {
        return URI.create(url() + "/api2/json");
    }

    public int port() {
        return boundPort;
    }

    /** @return the certificate's SHA-256 fingerprint, {@code AB:CD:...} (as {@code ssl_fingerprint} on /nodes). */
    public String fingerprint() {
        return tls.fingerprint();
    }

    /** @return the server certificate, to build a trust store that pins it. */
    public X509Certificate certificate() {
        return tls.certificate();
    }

    /** @return the cluster CA that signed {@link #certificate()}, in PEM form (a node's /etc/pve/pve-root-ca.pem) */
    public String caPem() {
        return SelfSignedTls.pem(tls.caCertificate());
    }

    /** @return the ready API token with every privilege. */
    public ApiToken token() {
        return token;
    }

    /** @return {@code root@pam!mpc}. */
    public String tokenId() {
        return token.id();
    }

    public String tokenSecret() {
        return token.secret();
    }

    /** @return the ready user for ticket auth: {@link #ROOT}. */
    public String username() {
        return ROOT;
    }

    /** @return the ready user's password (option {@code password}, default {@code simulator}). */
    public String password() {
        return password;
    }

    /** Adds a user with every privilege for ticket auth. */
    public SimulatorServer addUser(String userid, String password) {
        return addUser(userid, password, Privileges.ALL);
    }

    /** Adds a user holding only {@code privileges} (e.g. {@code VM.Audit}) on every path. */
    public SimulatorServer addUser(String userid, String password, Set<String> privileges) {
        if (!userid.matches("[^\\s:/@]+@[A-Za-z][A-Za-z0-9.\\-_]+")) {
            throw new IllegalArgumentException("userid must look like name@realm, got " + userid);
        }
        auth.addUser(userid, password, privileges);
        return this;
    }

    /** Adds an API token {@code userid!name} holding {@code privileges}. */
    public ApiToken addToken(String userid, String name, Set<String> privileges) {
        ApiToken t = new ApiToken(userid + "!" + name, UUID.randomUUID().toString());
        auth.addToken(userid, name, t.secret(), privileges);
        return t;
    }

    /**
     * @return the current secret of an API token of the access configuration ({@code ci@pve!deploy}), for tests that
     *     check it leaks nowhere; empty when there is no such token
     */
    public java.util.Optional<String> tokenSecret(String tokenId) {
        return auth.access().secretOf(tokenId);
    }

    /** @return runtime fault and latency control. */
    public Faults faults() {
        return faults;
    }

    /** @return requests received so far (including failed and dropped ones). */
    public long requestCount() {
        return dispatcher.requestCount();
    }

    /** @return the number of guests (VMs, containers, templates) the cluster holds now. */
    public int guestCount() {
        synchronized (cluster) {
            return cluster.guests.size();
        }
    }

    /** @return the name of the VM (not a template) with the lowest VMID, or "" when there is none */
    public String firstVmName() {
        synchronized (cluster) {
            return cluster.guests.values().stream().filter(g -> g.qemu() && !g.template() && !g.name().isEmpty())
                    .map(dev.proxmoxmpc.plugin.simulator.state.Guest::name).findFirst().orElse("");
        }
    }

    /** Stops serving and ends the server's threads. */
    @Override
    public void close() {
        server.stop();
        runner.close();
        LOG.info("PVE simulator on port {} stopped after {} requests", port(), requestCount());
    }
}
