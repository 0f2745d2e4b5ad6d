package dev.proxmoxmpc.plugin.cicd.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.proxmoxmpc.plugin.cicd.pipeline.AzurePipelinesExporter;
import dev.proxmoxmpc.plugin.cicd.pipeline.GitHubActionsExporter;
import dev.proxmoxmpc.plugin.cicd.pipeline.GitLabCiExporter;
import dev.proxmoxmpc.plugin.cicd.pipeline.JenkinsExporter;
import dev.proxmoxmpc.spi.command.CommandException;
import dev.proxmoxmpc.spi.command.UsageException;
import dev.proxmoxmpc.spi.kernel.EnvironmentConfig;
import dev.proxmoxmpc.spi.kernel.ProjectConfig;
import dev.proxmoxmpc.spi.testkit.Commands;
import dev.proxmoxmpc.spi.testkit.RecordingConsole;
import dev.proxmoxmpc.spi.testkit.TestKernelContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CiGenerateCommandTest {
    @TempDir
    Path root;
    private final RecordingConsole console = new RecordingConsole();

    private TestKernelContext ctx(Map<String, Object> ci) {
        Map<String, EnvironmentConfig> envs = new LinkedHashMap<>();
        envs.put("default", new EnvironmentConfig("default", "proxmox", "https://lab:8006", "pve1", "root@pam!mpc", "", "", "", false));
        envs.put("production", new EnvironmentConfig("production", "proxmox", "https://prod:8006", "pve1", "ci@pve!deploy", "",
                "AA:BB", "", false));
        return TestKernelContext.builder().root(root).console(console)
                .config(new ProjectConfig("default", envs, "prefer-server", 4, ci.isEmpty() ? Map.of() : Map.of("ci", ci)))
                .extension(new GitHubActionsExporter(), new GitLabCiExporter(), new JenkinsExporter(), new AzurePipelinesExporter())
                .build();
    }

    @Test
    void writesEachPipelineAtItsCisPlaceInTheProject() {
        TestKernelContext ctx = ctx(Map.of());
        for (String system : List.of("github", "gitlab", "jenkins", "azure")) {
            Commands.run(new CiGenerateCommand(), ctx, List.of(system, "--env", "production"));
        }
        assertThat(root.resolve(".github/workflows/proxmox-mpc.yml")).isRegularFile().content().contains("environment: production");
        assertThat(root.resolve(".gitlab-ci.yml")).isRegularFile();
        assertThat(root.resolve("Jenkinsfile")).isRegularFile();
        assertThat(root.resolve("azure-pipelines.yml")).isRegularFile();
        assertThat(console.output()).contains("Wrote .gitlab-ci.yml (gitlab pipeline for environment production).",
                "PROXMOX_MPC_PRODUCTION_SECRET");
        assertThat(console.errors()).contains("commit the desired state (.proxmox/desired-state.json");
    }

    @Test
    void regeneratingUnchangedRewritesNothingAndAChangedSettingUpdatesAnUntouchedFile() throws Exception {
        Commands.run(new CiGenerateCommand(), ctx(Map.of()), List.of("gitlab"));
        Path file = root.resolve(".gitlab-ci.yml");
        FileTime old = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(file, old);
        Commands.run(new CiGenerateCommand(), ctx(Map.of()), List.of("gitlab"));
        assertThat(Files.getLastModifiedTime(file)).isEqualTo(old);
        assertThat(console.output()).contains("Unchanged: .gitlab-ci.yml");

        Commands.run(new CiGenerateCommand(), ctx(Map.of("runner_labels", List.of("pve-lan"))), List.of("gitlab"));
        assertThat(file).content().contains("tags: [pve-lan]");
        assertThat(console.output()).contains("Updated .gitlab-ci.yml");
    }

    @Test
    void aHandEditedPipelineIsKeptUnlessForced() throws Exception {
        Commands.run(new CiGenerateCommand(), ctx(Map.of()), List.of("jenkins"));
        Path file = root.resolve("Jenkinsfile");
        String edited = Files.readString(file).replace("disableConcurrentBuilds()", "disableConcurrentBuilds()\n        timestamps()");
        Files.writeString(file, edited);

        assertThatThrownBy(() -> Commands.run(new CiGenerateCommand(), ctx(Map.of()), List.of("jenkins")))
                .isInstanceOf(CommandException.class).hasMessage("Jenkinsfile was edited by hand (or not written by"
                        + " proxmox-mpc); kept. Add --force to replace it");
        assertThat(file).hasContent(edited);

        Commands.run(new CiGenerateCommand(), ctx(Map.of()), List.of("jenkins", "--force"));
        assertThat(file).content().doesNotContain("timestamps()");
        assertThat(console.output()).contains("Replaced (--force) Jenkinsfile");
    }

    @Test
    void aForeignFileAtThePipelinesPlaceIsKeptToo() throws Exception {
        Files.writeString(root.resolve("azure-pipelines.yml"), "trigger: none\n");
        assertThatThrownBy(() -> Commands.run(new CiGenerateCommand(), ctx(Map.of()), List.of("azure")))
                .isInstanceOf(CommandException.class).hasMessageContaining("--force");
        assertThat(root.resolve("azure-pipelines.yml")).hasContent("trigger: none\n");
    }

    @Test
    void unknownSystemsAndEnvironmentsAreUsageErrors() {
        assertThatThrownBy(() -> Commands.run(new CiGenerateCommand(), ctx(Map.of()), List.of("jenkis")))
                .isInstanceOf(UsageException.class).hasMessage("no CI system 'jenkis'; did you mean jenkins?; known: github, gitlab, jenkins, azure");
        assertThatThrownBy(() -> Commands.run(new CiGenerateCommand(), ctx(Map.of()), List.of("github", "--env", "prod")))
                .isInstanceOf(UsageException.class).hasMessageContaining("no environment named 'prod'");
        assertThatThrownBy(() -> Commands.parse(new CiGenerateCommand(), List.of())).isInstanceOf(UsageException.class);
    }

    @Test
    void tabOffersTheCiSystemsAndTheEnvironments() {
        TestKernelContext ctx = ctx(Map.of());
        assertThat(Commands.complete(new CiGenerateCommand(), ctx, List.of(""))).containsExactly("github", "gitlab", "jenkins", "azure");
        assertThat(Commands.complete(new CiGenerateCommand(), ctx, List.of("github", "--env", ""))).containsExactly("default", "production");
    }

    @Test
    void jsonCarriesWhatWasDone() {
        Commands.run(new CiGenerateCommand(), ctx(Map.of()), List.of("github", "--json"));
        assertThat(console.jsonValues()).singleElement().isInstanceOfSatisfying(CiGenerateCommand.GenerateView.class, v -> {
            assertThat(v.file()).isEqualTo(".github/workflows/proxmox-mpc.yml");
            assertThat(v.outcome()).isEqualTo("created");
            assertThat(v.environment()).isEqualTo("default");
        });
    }
}
