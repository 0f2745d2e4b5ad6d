package dev.proxmoxmpc.kernel.init;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.proxmoxmpc.spi.testkit.Commands;
import dev.proxmoxmpc.kernel.config.ConfigStore;
import dev.proxmoxmpc.kernel.project.ProjectServices;
import dev.proxmoxmpc.kernel.project.Projects;
import dev.proxmoxmpc.kernel.workspace.WorkspaceRegistry;
import dev.proxmoxmpc.spi.command.CommandException;
import dev.proxmoxmpc.spi.command.CommandResult;
import dev.proxmoxmpc.spi.command.ConsoleCommand;
import dev.proxmoxmpc.spi.command.UsageException;
import dev.proxmoxmpc.spi.kernel.EnvironmentConfig;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import dev.proxmoxmpc.spi.kernel.Workspace;
import dev.proxmoxmpc.spi.state.StateKind;
import dev.proxmoxmpc.spi.testkit.RecordingConsole;
import dev.proxmoxmpc.spi.testkit.TestKernelContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;
import org.junit.jupiter.api.io.TempDir;

class InitCommandTest {
    @TempDir
    Path root;
    @TempDir
    Path home;
    final FakeProvider provider = new FakeProvider();
    final RecordingConsole console = new RecordingConsole();
    final Map<String, String> env = Map.of("PVE_SECRET", FakeProvider.SECRET);

    @BeforeEach
    void isolateHome() {
        System.setProperty("proxmox-mpc.user-dir", home.toString());
    }

    @AfterEach
    void restoreHome() {
        System.clearProperty("proxmox-mpc.user-dir");
    }

    private TestKernelContext ctx(Object... more) {
        TestKernelContext.Builder b = TestKernelContext.builder().root(root).console(console).extension(provider);
        b.extension(more);
        return b.build();
    }

    private CommandResult init(KernelContext ctx, String... args) {
        return Commands.run(new InitCommand(env::get), ctx, List.of(args));
    }

    private static final String[] FLAGS = {"--host", "127.0.0.1", "--port", "8443", "--token-id", "root@pam!mpc",
            "--token-secret-env", "PVE_SECRET", "--fingerprint", FakeProvider.FINGERPRINT.toLowerCase()};

    @Test
    void initWithFlagsCreatesAWorkingProject() throws Exception {
        assertThat(init(ctx(), FLAGS).succeeded()).isTrue();

        for (String dir : List.of(".proxmox/history", ".proxmox/cache", "terraform", "ansible", "tests", "docs", "scripts")) {
            assertThat(root.resolve(dir)).isDirectory();
        }
        assertThat(Files.readAllLines(root.resolve(".gitignore")))
                .contains(".proxmox/secrets.yml", ".proxmox/state.db", ".proxmox/cache/");
        assertThat(root.resolve(".proxmox/secrets.yml")).doesNotExist();
        assertThat(root.resolve(".proxmox/state.db")).isRegularFile();

        EnvironmentConfig e = new ConfigStore(new Workspace(root)).load().project().environment();
        assertThat(e).isEqualTo(new EnvironmentConfig("default", "proxmox", "https://127.0.0.1:8443", "pve1",
                "root@pam!mpc", "", FakeProvider.FINGERPRINT, "", false));
        assertThat(provider.connected).singleElement().satisfies(ep -> {
            assertThat(ep.tokenSecret()).isEqualTo(FakeProvider.SECRET);
            assertThat(ep.tls().fingerprint()).isEqualTo(FakeProvider.FINGERPRINT);
        });
        try (ProjectServices p = Projects.open(new Workspace(root), env::get, java.time.Clock.systemUTC())) {
            assertThat(p.secrets().get("default")).contains(FakeProvider.SECRET);
            assertThat(p.state().load(StateKind.OBSERVED).guests()).isEmpty();
        }
        assertThat(new WorkspaceRegistry(home.resolve("workspaces.yml")).all()).containsValue(root.toAbsolutePath());
        assertThat(console.output()).contains("Connected to Proxmox VE 9.0.3 as root@pam!mpc");
    }

    @Test
    void initInteractivelyAsksEverythingAndPinsTheCertificateLikeSsh() throws Exception {
        console.answers("127.0.0.1", "8443", "token", "root@pam!mpc", FakeProvider.SECRET, "yes", "pve2");
        assertThat(init(ctx()).succeeded()).isTrue();

        assertThat(console.output()).contains("Certificate SHA-256 fingerprint: " + FakeProvider.FINGERPRINT)
                .contains("Trust this certificate");
        EnvironmentConfig e = new ConfigStore(new Workspace(root)).load().project().environment();
        assertThat(e.endpoint()).isEqualTo("https://127.0.0.1:8443");
        assertThat(e.node()).isEqualTo("pve2");
        assertThat(e.fingerprint()).isEqualTo(FakeProvider.FINGERPRINT);
        Path secrets = root.resolve(".proxmox/secrets.yml");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secrets))).isEqualTo("rw-------");
        assertThat(Files.readString(secrets)).contains(FakeProvider.SECRET);
        assertThat(console.output()).doesNotContain(FakeProvider.SECRET);
    }

    @Test
    void anUntrustedCertificateSavesNothing() {
        console.answers("127.0.0.1", "", "token", "root@pam!mpc", FakeProvider.SECRET, "no");
        assertThatThrownBy(() -> init(ctx())).isInstanceOf(CommandException.class).hasMessageContaining("not trusted");
        assertThat(root.resolve(".proxmox")).doesNotExist();
        assertThat(provider.peeked).containsExactly(java.net.URI.create("https://127.0.0.1:8006"));
    }

    @Test
    void batchModeWithoutAFingerprintNamesTheOneToPin() {
        String[] noFingerprint = java.util.Arrays.copyOf(FLAGS, 8);
        assertThatThrownBy(() -> init(ctx(), noFingerprint)).isInstanceOf(CommandException.class)
                .hasMessageContaining("--fingerprint " + FakeProvider.FINGERPRINT);
        assertThat(root.resolve(".proxmox")).doesNotExist();
    }

    @Test
    void aDifferentCertificateThanTheExpectedOneIsRefused() {
        provider.fingerprint = String.join(":", java.util.Collections.nCopies(32, "CD"));
        assertThatThrownBy(() -> init(ctx(), FLAGS)).isInstanceOf(CommandException.class)
                .hasMessageContaining("not the expected " + FakeProvider.FINGERPRINT);
        assertThat(provider.connected).isEmpty();
        assertThat(root.resolve(".proxmox")).doesNotExist();
    }

    @Test
    void aWrongSecretFailsTheConnectionTestAndSavesNothing() {
        Map<String, String> wrong = Map.of("PVE_SECRET", "not-the-secret");
        assertThatThrownBy(() -> Commands.run(new InitCommand(wrong::get), ctx(), List.of(FLAGS)))
                .isInstanceOf(CommandException.class).hasMessageContaining("connection test failed: 401");
        assertThat(root.resolve(".proxmox")).doesNotExist();
    }

    @Test
    void missingReadPrivilegesAreNamedAndNothingIsSaved() {
        provider.privileges = List.of("Sys.Audit");
        assertThatThrownBy(() -> init(ctx(), FLAGS)).isInstanceOf(CommandException.class)
                .hasMessageContaining("VM.Audit").hasMessageContaining("Datastore.Audit");
        assertThat(root.resolve(".proxmox")).doesNotExist();
    }

    @Test
    void missingWritePrivilegesAreAWarning() {
        provider.privileges = List.of("Sys.Audit", "VM.Audit", "Datastore.Audit");
        assertThat(init(ctx(), FLAGS).succeeded()).isTrue();
        assertThat(console.errors()).contains("VM.Allocate").contains("Datastore.AllocateSpace");
    }

    @Test
    void refusesToOverwriteAnExistingProjectWithoutForce() throws Exception {
        init(ctx(), FLAGS);
        byte[] before = Files.readAllBytes(root.resolve(".proxmox/config.yml"));
        List<String> again = new ArrayList<>(List.of(FLAGS));
        again.addAll(List.of("--node", "pve2"));
        assertThatThrownBy(() -> init(ctx(), again.toArray(String[]::new))).isInstanceOf(CommandException.class)
                .hasMessageContaining("already exists").hasMessageContaining("--force");
        assertThat(Files.readAllBytes(root.resolve(".proxmox/config.yml"))).isEqualTo(before);
        again.add("--force");
        assertThat(init(ctx(), again.toArray(String[]::new)).succeeded()).isTrue();
        assertThat(new ConfigStore(new Workspace(root)).load().project().environment().node()).isEqualTo("pve2");
    }

    @Test
    void forceMovesACorruptStateDatabaseAsideInsteadOfOverwritingIt() throws Exception {
        init(ctx(), FLAGS);
        Files.writeString(root.resolve(".proxmox/state.db"), "garbage that is not sqlite");
        List<String> again = new ArrayList<>(List.of(FLAGS));
        again.add("--force");
        assertThat(init(ctx(), again.toArray(String[]::new)).succeeded()).isTrue();
        try (var s = Files.list(root.resolve(".proxmox"))) {
            Path aside = s.filter(p -> p.getFileName().toString().startsWith("state.db.broken-")).findFirst().orElseThrow();
            assertThat(Files.readString(aside)).isEqualTo("garbage that is not sqlite");
        }
        assertThat(console.errors()).contains("moved to .proxmox/state.db.broken-");
    }

    @Test
    void importExistingRunsTheFirstSync() {
        List<String> ran = new ArrayList<>();
        ConsoleCommand sync = new RecordingSync(ran);
        List<String> flags = new ArrayList<>(List.of(FLAGS));
        flags.add("--import-existing");
        assertThat(init(ctx(sync), flags.toArray(String[]::new)).succeeded()).isTrue();
        assertThat(ran).containsExactly("sync true");
    }

    @Test
    void anUnsetSecretVariableIsNamed() {
        assertThatThrownBy(() -> Commands.run(new InitCommand(Map.<String, String>of()::get), ctx(), List.of(FLAGS)))
                .isInstanceOf(CommandException.class).hasMessageContaining("PVE_SECRET").hasMessageContaining("not set");
    }

    @Test
    void rejectsBadFlagsWithOneLine() {
        assertThatThrownBy(() -> init(ctx(), "--host", "127.0.0.1", "--tokn-id", "x"))
                .isInstanceOf(UsageException.class).hasMessageContaining("did you mean --token-id");
        assertThatThrownBy(() -> init(ctx(), "--host", "a/../b")).isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> init(ctx(), "--host", "h", "--name", "../prod")).isInstanceOf(UsageException.class)
                .hasMessageContaining("--name");
        assertThatThrownBy(() -> init(ctx(), "--host", "h", "--fingerprint", "AB:CD")).isInstanceOf(UsageException.class);
    }

    @Test
    void skipCheckWritesTheProjectWithoutTouchingTheServer() throws Exception {
        List<String> flags = new ArrayList<>(List.of(FLAGS));
        flags.add("--skip-check");
        assertThat(init(ctx(), flags.toArray(String[]::new)).succeeded()).isTrue();
        assertThat(provider.peeked).isEmpty();
        assertThat(provider.connected).isEmpty();
        assertThat(new ConfigStore(new Workspace(root)).load().project().environment().fingerprint())
                .isEqualTo(FakeProvider.FINGERPRINT);
    }

    @Test
    void aCaFileMustBeReadable() {
        String[] withCa = java.util.Arrays.copyOf(FLAGS, 10);
        withCa[8] = "--ca-file";
        withCa[9] = root.resolve("missing-ca.pem").toString();
        assertThatThrownBy(() -> init(ctx(), withCa)).isInstanceOf(CommandException.class)
                .hasMessageContaining("cannot read the CA file");
        assertThat(root.resolve(".proxmox")).doesNotExist();
    }

    @Test
    void failsClearlyWithoutTheProvider() {
        TestKernelContext noProvider = TestKernelContext.builder().root(root).console(console).build();
        assertThatThrownBy(() -> init(noProvider, FLAGS)).isInstanceOf(CommandException.class)
                .hasMessageContaining("no infrastructure provider 'proxmox'");
    }

    @Test
    void aSecretStoredBeforeInitIsUsedAndStaysInSecretsYml() throws Exception {
        new dev.proxmoxmpc.kernel.secrets.ProjectSecrets(root.resolve(".proxmox/secrets.yml"), n -> null, Map.of())
                .put("default", FakeProvider.SECRET);
        CommandResult r = Commands.run(new InitCommand(n -> null), ctx(), List.of("--host", "127.0.0.1", "--port", "8443",
                "--token-id", "root@pam!mpc", "--fingerprint", FakeProvider.FINGERPRINT));
        assertThat(r.succeeded()).isTrue();
        assertThat(console.output()).contains("Using the token secret kept in .proxmox/secrets.yml.")
                .doesNotContain(FakeProvider.SECRET);
        assertThat(provider.connected).singleElement().satisfies(ep -> assertThat(ep.tokenSecret()).isEqualTo(FakeProvider.SECRET));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve(".proxmox/secrets.yml"))))
                .isEqualTo("rw-------");
    }

    /** {@code sync}: records that it ran and whether the project existed by then. */
    @Command(name = "sync")
    static final class RecordingSync implements ConsoleCommand {
        private final List<String> ran;

        RecordingSync(List<String> ran) {
            this.ran = ran;
        }

        @Override
        public CommandResult execute(KernelContext ctx) {
            ran.add("sync " + ctx.workspace().initialised());
            return CommandResult.ok();
        }
    }
}
