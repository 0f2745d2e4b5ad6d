package dev.proxmoxmpc.plugin.cicd.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated workflow through the real validator, {@code @action-validator/cli}. */
class GitHubWorkflowValidatorTest {
    @TempDir
    Path root;

    @Test
    void theGeneratedWorkflowPassesActionValidator() throws Exception {
        Path workflow = root.resolve("proxmox-mpc.yml");
        Files.writeString(workflow, Pipelines.text(new GitHubActionsExporter(),
                Pipelines.context(root, Map.of("runner_labels", List.of("proxmox", "lan"), "environment", "prod-approved"))));
        ActionValidator.Run r = ActionValidator.validate(workflow);
        assertThat(r.exit()).as(r.out()).isZero();
    }

    @Test
    void theValidatorRejectsABrokenWorkflow() throws Exception {
        Path workflow = root.resolve("broken.yml");
        Files.writeString(workflow, Pipelines.text(new GitHubActionsExporter(), Pipelines.context(root, Map.of()))
                .replace("runs-on:", "run-on:"));
        assertThat(ActionValidator.validate(workflow).exit()).isNotZero();
    }
}
