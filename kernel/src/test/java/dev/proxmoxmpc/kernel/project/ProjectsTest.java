package dev.proxmoxmpc.kernel.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.proxmoxmpc.kernel.config.ConfigDocument;
import dev.proxmoxmpc.kernel.config.ConfigStore;
import dev.proxmoxmpc.kernel.init.InitCommand;
import dev.proxmoxmpc.spi.command.CommandException;
import dev.proxmoxmpc.spi.kernel.Workspace;
import dev.proxmoxmpc.spi.model.GuestRuntime;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.model.Node;
import dev.proxmoxmpc.spi.model.PowerState;
import dev.proxmoxmpc.spi.model.VirtualMachine;
import dev.proxmoxmpc.spi.state.AuditEntry;
import dev.proxmoxmpc.spi.state.Event;
import dev.proxmoxmpc.spi.state.StateException;
import dev.proxmoxmpc.spi.state.StateKind;
import dev.proxmoxmpc.spi.state.SyncRun;
import dev.proxmoxmpc.spi.testkit.Commands;
import dev.proxmoxmpc.spi.testkit.RecordingConsole;
import dev.proxmoxmpc.spi.testkit.TestKernelContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectsTest {
    static final String SECRET = "5e4f0c1a-7b2d-4e8f-9a3c-0d1e2f3a4b5c";
    @TempDir
    Path root;
    @TempDir
    Path home;
    final Clock clock = Clock.fixed(Instant.parse("2026-11-25T21:00:00Z"), ZoneOffset.UTC);

    @BeforeEach
    void isolateHome() {
        System.setProperty("proxmox-mpc.user-dir", home.toString());
    }

    @AfterEach
    void restoreHome() {
        System.clearProperty("proxmox-mpc.user-dir");
    }

    /** A project made by /init with the secret typed in (so it lands in secrets.yml), without a server check. */
    private Workspace initialised() {
        RecordingConsole console = new RecordingConsole().answers(SECRET);
        Commands.run(new InitCommand(n -> null), TestKernelContext.builder().root(root).console(console)
                .extension(new dev.proxmoxmpc.spi.provider.InfrastructureProvider() {
                    @Override
                    public String id() {
                        return "proxmox";
                    }

                    @Override
                    public dev.proxmoxmpc.spi.provider.ProviderSession connect(dev.proxmoxmpc.spi.provider.Endpoint e) {
                        throw new AssertionError("--skip-check must not connect");
                    }
                }).build(), List.of("--host", "pve.example.com", "--token-id", "root@pam!mpc", "--insecure",
                "--skip-check"));
        return new Workspace(root);
    }

    @Test
    void theSecretIsInSecretsYmlOnlyAfterInitAndSyncLikeWrites() throws Exception {
        Workspace ws = initialised();
        try (ProjectServices p = Projects.open(ws, n -> null, clock)) {
            assertThat(p.secrets().get("default")).contains(SECRET);
            Inventory inv = new Inventory("lab", List.of(new Node("pve1", "online", 4, 1L << 33, 1L << 35, 10, "")),
                    List.of(new VirtualMachine(101, "pve1", "", PowerState.RUNNING, Map.of("name", "web"), GuestRuntime.NONE)),
                    List.of(), List.of(), List.of());
            p.state().saveAll(Map.of(StateKind.OBSERVED, inv, StateKind.DESIRED, inv, StateKind.BASE, inv));
            p.state().snapshot("sync", inv);
            p.state().appendEvent(new Event(clock.instant(), "sync", "cluster", "1 VM"));
            p.state().recordSyncRun(new SyncRun(clock.instant(), "default", 1, 1, 0, 0, 0));
            p.audit(new AuditEntry(clock.instant(), "tester", p.config().environment().tokenId(), "sync", "cluster", "ok", 12));
        }
        byte[] needle = SECRET.getBytes(StandardCharsets.UTF_8);
        List<Path> holding;
        try (Stream<Path> files = Files.walk(root)) {
            holding = files.filter(Files::isRegularFile).filter(f -> contains(read(f), needle)).toList();
        }
        assertThat(holding).containsExactly(ws.secretsFile());
        assertThat(root.resolve(".proxmox/audit.log")).isRegularFile();
        assertThat(root.resolve(".proxmox/history")).isNotEmptyDirectory();
    }

    @Test
    void auditGoesToTheStoreAndToAuditLogAsJsonLines() throws Exception {
        Workspace ws = initialised();
        AuditEntry e = new AuditEntry(clock.instant(), "alice", "root@pam!mpc", "apply", "vm/101", "ok", 1500);
        try (ProjectServices p = Projects.open(ws, n -> null, clock)) {
            p.audit(e);
            assertThat(p.state().auditEntries(5)).contains(e);
        }
        String log = Files.readString(ws.auditLog());
        assertThat(log.lines().toList()).last().isEqualTo("{\"time\":\"2026-11-25T21:00:00Z\",\"user\":\"alice\","
                + "\"token_id\":\"root@pam!mpc\",\"action\":\"apply\",\"target\":\"vm/101\",\"result\":\"ok\","
                + "\"duration_ms\":1500}");
    }

    @Test
    void auditOnAClosedProjectStillWritesTheLogAndDoesNotThrow() throws Exception {
        ProjectServices p = Projects.open(initialised(), n -> null, clock);
        p.close();
        p.audit(new AuditEntry(clock.instant(), "alice", "", "exit", "session", "ok", 0));
        assertThat(Files.readString(root.resolve(".proxmox/audit.log"))).contains("\"action\":\"exit\"");
    }

    @Test
    void aMissingStateDbIsAClearErrorAndIsNotRecreated() throws Exception {
        Workspace ws = initialised();
        Files.delete(ws.stateDb());
        try (ProjectServices p = Projects.open(ws, n -> null, clock)) {
            assertThatThrownBy(p::state).isInstanceOf(StateException.class)
                    .hasMessage("the state database .proxmox/state.db is missing; restore it from a backup, "
                            + "or run /init --force to create an empty one (then /sync)");
        }
        assertThat(ws.stateDb()).doesNotExist();
    }

    @Test
    void aBrokenConfigFailsAtOpenWithOneLine() throws Exception {
        Workspace ws = initialised();
        String text = Files.readString(ws.configFile()).replace("endpoint:", "endpont:");
        Files.writeString(ws.configFile(), text);
        assertThatThrownBy(() -> Projects.open(ws, n -> null, clock)).isInstanceOf(CommandException.class)
                .hasMessageMatching("\\.proxmox/config\\.yml line \\d+, column \\d+: unknown key "
                        + "'environments\\.default\\.endpont'; did you mean 'endpoint'\\?");
        assertThat(Files.readString(ws.configFile())).isEqualTo(text);
    }

    @Test
    void noProjectIsOneLine() {
        assertThatThrownBy(() -> Projects.open(new Workspace(root))).hasMessageContaining("run /init first");
    }

    @Test
    void theConfigIsReReadWhenTheFileChanges() throws Exception {
        Workspace ws = initialised();
        try (ProjectServices p = Projects.open(ws, n -> null, clock)) {
            assertThat(p.config().parallelism()).isEqualTo(4);
            ConfigStore store = new ConfigStore(ws);
            ConfigDocument doc = store.read();
            doc.sync.parallelism = 7;
            doc.generators.put("terraform", Map.of("provider_version", "0.66.3", "padding", "x".repeat(40)));
            store.write(doc);
            assertThat(p.config().parallelism()).isEqualTo(7);
        }
    }

    @Test
    void thePostgresqlBackendNamesTheMissingPassword() throws Exception {
        Workspace ws = initialised();
        ConfigStore store = new ConfigStore(ws);
        ConfigDocument doc = store.read();
        doc.state.backend = "postgresql";
        doc.state.url = "jdbc:postgresql://127.0.0.1:1/none";
        doc.state.user = "mpc";
        store.write(doc);
        try (ProjectServices p = Projects.open(ws, n -> null, clock)) {
            assertThatThrownBy(p::state).isInstanceOf(CommandException.class)
                    .hasMessageContaining("PROXMOX_MPC_POSTGRESQL_SECRET");
        }
    }

    private static byte[] read(Path f) {
        try {
            return Files.readAllBytes(f);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static boolean contains(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
