package dev.proxmoxmpc.kernel.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.proxmoxmpc.spi.testkit.Commands;
import dev.proxmoxmpc.kernel.config.ConfigStore;
import dev.proxmoxmpc.kernel.secrets.ProjectSecrets;
import dev.proxmoxmpc.kernel.state.MyBatisStateStore;
import dev.proxmoxmpc.kernel.state.StateStores;
import dev.proxmoxmpc.spi.command.CommandException;
import dev.proxmoxmpc.spi.command.UsageException;
import dev.proxmoxmpc.spi.kernel.ProjectConfig;
import dev.proxmoxmpc.spi.kernel.Workspace;
import dev.proxmoxmpc.spi.state.StateKind;
import dev.proxmoxmpc.spi.state.SyncRun;
import dev.proxmoxmpc.spi.testkit.RecordingConsole;
import dev.proxmoxmpc.spi.testkit.TestKernelContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceCommandsTest {
    static final String CONFIG = """
            current_environment: default
            environments:
              default:
                endpoint: https://10.0.0.2:8006
                node: pve1
                token_id: root@pam!mpc
            """;
    @TempDir
    Path base;
    @TempDir
    Path home;
    Path root;
    final RecordingConsole console = new RecordingConsole();

    @BeforeEach
    void project() throws Exception {
        System.setProperty("proxmox-mpc.user-dir", home.toString());
        root = base.resolve("lab");
        Workspace ws = new Workspace(root);
        ProjectLayout.create(ws);
        Files.writeString(ws.configFile(), CONFIG);
        new ProjectSecrets(ws.secretsFile(), n -> null, Map.of()).put("default", "the-secret");
        try (MyBatisStateStore s = StateStores.sqlite(ws.stateDb(), ws.historyDir(), Clock.systemUTC(),
                StateStores.Missing.CREATE)) {
            s.save(StateKind.OBSERVED, dev.proxmoxmpc.spi.model.Inventory.empty());
            s.snapshot("sync", dev.proxmoxmpc.spi.model.Inventory.empty());
        }
        Files.writeString(ws.cacheDir().resolve("discovery.json"), "{}");
        Files.writeString(root.resolve("terraform/main.tf"), "terraform {}\n");
        new WorkspaceRegistry(home.resolve("workspaces.yml")).register("lab", root);
    }

    @AfterEach
    void restoreHome() {
        System.clearProperty("proxmox-mpc.user-dir");
    }

    private TestKernelContext ctx() {
        return TestKernelContext.builder().root(root).console(console).build();
    }

    private ProjectConfig config() {
        return new ConfigStore(new Workspace(root)).load().project();
    }

    @Test
    void aMistypedSubcommandOrNameSuggestsTheClosest() {
        assertThatThrownBy(() -> Commands.run(new WorkspaceSwitchCommand(), ctx(), List.of("lba")))
                .isInstanceOf(CommandException.class).hasMessage("no workspace named 'lba'; did you mean lab?");
        assertThatThrownBy(() -> Commands.run(new WorkspaceSwitchCommand(), ctx(), List.of("production")))
                .isInstanceOf(CommandException.class).hasMessage("no workspace named 'production'; see /workspace list");
        assertThatThrownBy(() -> Commands.run(new EnvironmentSwitchCommand(), ctx(), List.of("dfault")))
                .isInstanceOf(CommandException.class).hasMessage("no environment named 'dfault'; did you mean default?");
    }

    @Test
    void workspaceAndEnvironmentListsAreJsonWhenAsked() {
        console.jsonRequested(true);
        Commands.run(new WorkspaceListCommand(), ctx(), List.of());
        Commands.run(new EnvironmentListCommand(), ctx(), List.of());
        assertThat(console.jsonValues()).hasSize(2);
        assertThat((List<?>) console.jsonValues().get(0)).singleElement().isEqualTo(
                new WorkspaceListCommand.Entry("lab", root.toString(), true, true));
        assertThat(console.jsonValues().get(1).toString()).contains("default").contains("https://10.0.0.2:8006");
        assertThat(console.tables()).isEmpty();
    }

    @Test
    void environmentAddSwitchAndList() {
        Commands.run(new EnvironmentAddCommand(), ctx(), List.of("production", "--server", "prod.example.com", "--token-id", "ops@pve!mpc",
                "--fingerprint", "ab".repeat(32)));
        assertThat(config().environments().get("production").endpoint()).isEqualTo("https://prod.example.com:8006");
        assertThat(config().environments().get("production").fingerprint()).startsWith("AB:AB:");
        assertThat(config().currentEnvironment()).isEqualTo("default");

        Commands.run(new EnvironmentSwitchCommand(), ctx(), List.of("production"));
        assertThat(config().currentEnvironment()).isEqualTo("production");

        Commands.run(new EnvironmentListCommand(), ctx(), List.of());
        assertThat(console.output()).contains("*\tproduction\thttps://prod.example.com:8006\tops@pve!mpc\tpinned\tnever\t-\t-")
                .contains("\tdefault\thttps://10.0.0.2:8006\troot@pam!mpc\tsystem\tnever\t-\t-");

        Commands.run(new EnvironmentMapCommand(), ctx(), List.of("production", "--node", "pve1=prod1", "--bridge", "vmbr1=vmbr0"));
        assertThat(config().environments().get("production").mapping().nodes()).containsEntry("pve1", "prod1");
        assertThat(config().environments().get("production").mapping().bridges()).containsEntry("vmbr1", "vmbr0");
        assertThatThrownBy(() -> Commands.run(new EnvironmentRemoveCommand(), ctx(), List.of("production")))
                .hasMessageContaining("current one");
        Commands.run(new EnvironmentSwitchCommand(), ctx(), List.of("default"));
        Commands.run(new EnvironmentRemoveCommand(), ctx(), List.of("production"));
        assertThat(config().environments()).containsOnlyKeys("default");
    }

    @Test
    void environmentListShowsEachEnvironmentsOwnLastSyncAndDrift() {
        Commands.run(new EnvironmentAddCommand(), ctx(), List.of("production", "--server", "prod.example.com",
                "--token-id", "ops@pve!mpc", "--insecure"));
        Workspace ws = new Workspace(root);
        try (MyBatisStateStore s = StateStores.sqlite(ws.stateDb(), ws.historyDir(), Clock.systemUTC(),
                StateStores.Missing.FAIL)) {
            s.forEnvironment("production").recordSyncRun(new SyncRun(Instant.parse("2026-12-01T10:00:00Z"), "production",
                    3, 5, 2, 2, 0));
            console.jsonRequested(true);
            Commands.run(new EnvironmentListCommand(), TestKernelContext.builder().root(root).console(console)
                    .state(s.forEnvironment("default")).build(), List.of());
        }
        assertThat(console.jsonValues().get(0).toString())
                .contains("name=default, server=https://10.0.0.2:8006, auth=root@pam!mpc, tls=system, lastSync=null, drifted=-1")
                .contains("name=production, server=https://prod.example.com:8006, auth=ops@pve!mpc, tls=insecure, "
                        + "lastSync=2026-12-01T10:00:00Z, drifted=2");
    }

    @Test
    void environmentCommandsRefuseUnsafeNamesAndTypos() throws Exception {
        assertThatThrownBy(() -> Commands.run(new EnvironmentAddCommand(), ctx(), List.of("../prod", "--server", "x", "--token-id", "a@b!c")))
                .isInstanceOf(UsageException.class).hasMessageContaining("unsafe name '../prod'");
        assertThatThrownBy(() -> Commands.run(new EnvironmentSwitchCommand(), ctx(), List.of("a/b")))
                .isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> Commands.run(new EnvironmentSwitchCommand(), ctx(), List.of("defualt")))
                .isInstanceOf(CommandException.class)
                .hasMessageContaining("did you mean default?");
        assertThatThrownBy(() -> Commands.run(new EnvironmentAddCommand(), ctx(), List.of("default", "--server", "x", "--token-id", "a@b!c")))
                .hasMessageContaining("already exists");
        assertThatThrownBy(() -> Commands.run(new EnvironmentAddCommand(), ctx(), List.of("p", "--server", "x")))
                .isInstanceOf(UsageException.class).hasMessageContaining("--token-id");
    }

    @Test
    void environmentAddNeverRewritesABrokenConfig() throws Exception {
        Path file = new Workspace(root).configFile();
        String broken = CONFIG.replace("node:", "nod:");
        Files.writeString(file, broken);
        assertThatThrownBy(() -> Commands.run(new EnvironmentAddCommand(), ctx(), List.of("p", "--server", "x",
                "--token-id", "a@b!c"))).isInstanceOf(CommandException.class).hasMessageContaining("did you mean 'node'");
        assertThat(Files.readString(file)).isEqualTo(broken);
    }

    @Test
    void cloneCopiesTheProjectWithoutSecretsStateHistoryOrCache() throws Exception {
        Commands.run(new WorkspaceCloneCommand(), ctx(), List.of("staging"));
        Path clone = base.resolve("staging");
        assertThat(clone.resolve(".proxmox/config.yml")).hasSameTextualContentAs(root.resolve(".proxmox/config.yml"));
        assertThat(clone.resolve("terraform/main.tf")).hasContent("terraform {}");
        assertThat(clone.resolve(".gitignore")).exists();
        assertThat(clone.resolve(".proxmox/secrets.yml")).doesNotExist();
        assertThat(clone.resolve(".proxmox/cache")).isEmptyDirectory();
        assertThat(clone.resolve(".proxmox/history")).isEmptyDirectory();
        try (MyBatisStateStore s = StateStores.sqlite(clone.resolve(".proxmox/state.db"), clone.resolve(".proxmox/history"),
                Clock.systemUTC(), StateStores.Missing.FAIL)) {
            assertThat(s.snapshots()).isEmpty();
        }
        assertThat(new WorkspaceRegistry(home.resolve("workspaces.yml")).all()).containsEntry("staging", clone);
    }

    @Test
    void cloneSrcTgtCopiesTheDesiredStateButNoSecretsAndListMarksTheOpenProject() throws Exception {
        var vm = new dev.proxmoxmpc.spi.model.VirtualMachine(100, "pve1", "", dev.proxmoxmpc.spi.model.PowerState.RUNNING,
                Map.of("name", "web-01"), dev.proxmoxmpc.spi.model.GuestRuntime.NONE);
        try (MyBatisStateStore s = StateStores.sqlite(root.resolve(".proxmox/state.db"), root.resolve(".proxmox/history"),
                Clock.systemUTC(), StateStores.Missing.FAIL)) {
            s.save(StateKind.DESIRED, dev.proxmoxmpc.spi.model.Inventory.empty().withGuest(vm));
        }
        Path elsewhere = Files.createDirectories(base.resolve("elsewhere"));
        TestKernelContext outside = TestKernelContext.builder().root(elsewhere).console(console).build();

        Commands.run(new WorkspaceCloneCommand(), outside, List.of("lab", "lab-copy"));

        Path clone = base.resolve("lab-copy");
        assertThat(clone.resolve(".proxmox/secrets.yml")).doesNotExist();
        try (MyBatisStateStore s = StateStores.sqlite(clone.resolve(".proxmox/state.db"), clone.resolve(".proxmox/history"),
                Clock.systemUTC(), StateStores.Missing.FAIL)) {
            assertThat(s.load(StateKind.DESIRED).guests()).extracting(g -> g.name()).containsExactly("web-01");
            assertThat(s.load(StateKind.OBSERVED).guests()).isEmpty();
        }
        TestKernelContext inClone = TestKernelContext.builder().root(clone).console(console).build();
        Commands.run(new WorkspaceListCommand(), inClone, List.of());
        assertThat(console.output()).contains("*\tlab-copy\t" + clone).doesNotContain("*\tlab\t");
    }

    @Test
    void cloneRefusesUnsafeNamesAndExistingDirectories() throws Exception {
        WorkspaceCloneCommand ws = new WorkspaceCloneCommand();
        assertThatThrownBy(() -> Commands.run(ws, ctx(), List.of("../../etc"))).isInstanceOf(UsageException.class)
                .hasMessageContaining("unsafe name");
        assertThatThrownBy(() -> Commands.run(ws, ctx(), List.of("/tmp/x"))).isInstanceOf(UsageException.class);
        Files.createDirectories(base.resolve("busy"));
        Files.writeString(base.resolve("busy/file"), "x");
        assertThatThrownBy(() -> Commands.run(ws, ctx(), List.of("busy"))).isInstanceOf(CommandException.class)
                .hasMessageContaining("not empty");
    }

    @Test
    void listAndSwitchUseTheRegistry() {
        WorkspaceRegistry reg = new WorkspaceRegistry(home.resolve("workspaces.yml"));
        reg.register("other", base.resolve("other"));
        Commands.run(new WorkspaceSwitchCommand(), ctx(), List.of("other"));
        assertThat(reg.current()).contains("other");
        Commands.run(new WorkspaceListCommand(), ctx(), List.of());
        assertThat(console.output()).as("the console still works in lab: this context cannot switch projects")
                .contains("*\tlab\t" + root + "\tok").contains("\tother\t" + base.resolve("other") + "\tmissing")
                .doesNotContain("*\tother");
        assertThatThrownBy(() -> Commands.run(new WorkspaceSwitchCommand(), ctx(), List.of("nope"))).hasMessageContaining("no workspace named");
    }
}
