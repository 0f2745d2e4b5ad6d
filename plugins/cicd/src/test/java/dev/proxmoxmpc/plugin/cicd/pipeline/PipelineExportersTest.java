package dev.proxmoxmpc.plugin.cicd.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proxmoxmpc.spi.command.CommandException;
import dev.proxmoxmpc.spi.diag.Severity;
import dev.proxmoxmpc.spi.iac.ExportRequest;
import dev.proxmoxmpc.spi.iac.ExportResult;
import dev.proxmoxmpc.spi.iac.GeneratedFile;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.testkit.TestKernelContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipelineExportersTest {
    @TempDir
    Path root;

    @Test
    void eachCiSystemWritesItsPipelineAtItsOwnPlaceUnderItsId() {
        TestKernelContext ctx = Pipelines.context(root, Map.of());
        assertThat(Pipelines.ALL).extracting(PipelineExporter::id).containsExactly("ci-github", "ci-gitlab", "ci-jenkins", "ci-azure");
        List<String> paths = new ArrayList<>();
        for (PipelineExporter e : Pipelines.ALL) {
            ExportResult r = Pipelines.export(e, ctx, "production");
            assertThat(r.files()).hasSize(1);
            paths.add(r.files().get(0).path());
        }
        assertThat(paths).containsExactly(".github/workflows/proxmox-mpc.yml", ".gitlab-ci.yml", "Jenkinsfile", "azure-pipelines.yml");
    }

    @Test
    void theSameProjectGivesTheSameBytesWithAnUntouchedHeader() {
        for (PipelineExporter e : Pipelines.ALL) {
            String first = Pipelines.text(e, Pipelines.context(root, Map.of()));
            assertThat(Pipelines.text(e, Pipelines.context(root, Map.of()))).isEqualTo(first);
            assertThat(GeneratedHeader.untouched(first)).as(e.id()).isTrue();
            assertThat(GeneratedHeader.untouched(first.replace("/validate", "/validate --sarif x"))).isFalse();
        }
    }

    @Test
    void everyPipelineRunsOnASelfHostedRunnerSaysWhyAndNeverCarriesTheSecret() {
        TestKernelContext ctx = Pipelines.context(root, Map.of("runner_labels", List.of("proxmox", "lan")));
        for (PipelineExporter e : Pipelines.ALL) {
            String text = Pipelines.text(e, ctx);
            assertThat(text).as(e.id()).contains("LAN", "PROXMOX_MPC_PRODUCTION_SECRET", Pipelines.FINGERPRINT,
                            "https://prod.example.com:8006", "/environment switch production", "/validate'",
                            "/test --phase plan", "/plan --out plan.json --detailed-exitcode", "/show plan.json --json",
                            "--yes -c '/apply plan.json'", "/approve plan.json --by", "templates/ci/")
                    .doesNotContain(Pipelines.SECRET_VALUE);
        }
        assertThat(Pipelines.text(new GitHubActionsExporter(), ctx)).contains("runs-on: [self-hosted, proxmox, lan]");
        assertThat(Pipelines.text(new GitLabCiExporter(), ctx)).contains("tags: [proxmox, lan]");
        assertThat(Pipelines.text(new JenkinsExporter(), ctx)).contains("agent { label 'proxmox && lan' }");
        assertThat(Pipelines.text(new AzurePipelinesExporter(), ctx)).contains("name: proxmox\n");
    }

    @Test
    void theGitHubWorkflowPlansOnPullRequestsAndAppliesBehindTheEnvironmentsReviewers() {
        JsonNode w = Pipelines.yaml(Pipelines.text(new GitHubActionsExporter(), Pipelines.context(root, Map.of())));
        assertThat(w.at("/on/pull_request/branches/0").asText()).isEqualTo("main");
        assertThat(w.at("/on/push/branches/0").asText()).isEqualTo("main");
        assertThat(w.at("/env/PROXMOX_MPC_PRODUCTION_SECRET").asText()).isEqualTo("${{ secrets.PROXMOX_MPC_PRODUCTION_SECRET }}");
        JsonNode plan = w.at("/jobs/plan");
        assertThat(plan.get("runs-on").toString()).isEqualTo("[\"self-hosted\",\"proxmox\"]");
        String steps = plan.get("steps").toString();
        assertThat(steps).contains("GITHUB_STEP_SUMMARY", "actions/upload-artifact", "gh pr comment", "plan.sha256",
                "differs from the one reviewed");
        assertThat(steps.indexOf("/validate")).isLessThan(steps.indexOf("/test --phase plan"));
        assertThat(steps.indexOf("/test --phase plan")).isLessThan(steps.indexOf("/plan --out"));
        JsonNode apply = w.at("/jobs/apply");
        assertThat(apply.get("environment").asText()).isEqualTo("production");
        assertThat(apply.get("needs").asText()).isEqualTo("plan");
        assertThat(apply.get("if").asText()).contains("push", "needs.plan.outputs.changes == 'true'");
        assertThat(apply.get("steps").toString()).contains("actions/download-artifact", "/approvals",
                "--yes -c '/apply plan.json'");
    }

    @Test
    void theGitLabPipelineAppliesFromAManualJobOnAProtectedEnvironment() {
        JsonNode p = Pipelines.yaml(Pipelines.text(new GitLabCiExporter(), Pipelines.context(root, Map.of("environment", "prod-approved"))));
        assertThat(p.at("/stages").toString()).isEqualTo("[\"check\",\"plan\",\"apply\"]");
        assertThat(p.at("/default/tags/0").asText()).isEqualTo("proxmox");
        assertThat(p.at("/validate/script").toString()).contains("/validate", "/test --phase plan");
        assertThat(p.at("/plan/script").toString()).contains("/plan --out plan.json --detailed-exitcode", "merge_requests",
                "/notes", "differs from the one reviewed");
        assertThat(p.at("/plan/artifacts/paths").toString()).contains("plan.json", "plan.txt", "plan.sha256");
        assertThat(p.at("/plan/artifacts/expose_as").asText()).isEqualTo("proxmox-mpc plan");
        JsonNode apply = p.get("apply");
        assertThat(apply.at("/rules/0/when").asText()).isEqualTo("manual");
        assertThat(apply.at("/rules/0/allow_failure").asBoolean(true)).isFalse();
        assertThat(apply.at("/rules/0/if").asText()).contains("main");
        assertThat(apply.at("/environment/name").asText()).isEqualTo("prod-approved");
        assertThat(apply.at("/needs/0/job").asText()).isEqualTo("plan");
        assertThat(apply.get("script").toString()).contains("$GITLAB_USER_LOGIN", "--yes -c '/apply plan.json'");
    }

    @Test
    void theAzurePipelineAppliesFromADeploymentJobWithAnEnvironment() {
        JsonNode p = Pipelines.yaml(Pipelines.text(new AzurePipelinesExporter(), Pipelines.context(root, Map.of("azure_pool", "lan-agents"))));
        assertThat(p.at("/pool/name").asText()).isEqualTo("lan-agents");
        assertThat(p.at("/pr/branches/include/0").asText()).isEqualTo("main");
        JsonNode plan = p.at("/stages/0/jobs/0");
        String steps = plan.get("steps").toString();
        assertThat(steps).contains("/validate", "/test --phase plan", "/plan --out plan.json --detailed-exitcode",
                "task.uploadsummary", "proxmox-mpc-plan", "DownloadPipelineArtifact@2", "differs from the one reviewed");
        assertThat(plan.at("/steps/2/env/PROXMOX_MPC_PRODUCTION_SECRET").asText()).isEqualTo("$(PROXMOX_MPC_PRODUCTION_SECRET)");
        JsonNode apply = p.at("/stages/1");
        assertThat(apply.get("stage").asText()).isEqualTo("Apply");
        assertThat(apply.get("condition").asText()).contains("refs/heads/main", "dependencies.Plan.outputs['plan.planstep.changes']");
        JsonNode deployment = apply.at("/jobs/0");
        assertThat(deployment.get("deployment").asText()).isEqualTo("apply");
        assertThat(deployment.get("environment").asText()).isEqualTo("production");
        assertThat(deployment.at("/strategy/runOnce/deploy/steps").toString()).contains("/approve plan.json",
                "--yes -c '/apply plan.json'");
    }

    @Test
    void theJenkinsfileGatesTheApplyWithAnInputStepAfterThePlanStages() {
        String j = Pipelines.text(new JenkinsExporter(), Pipelines.context(root, Map.of("jenkins_credential", "pve-prod")));
        assertThat(j).contains("pipeline {", "agent { label 'proxmox' }", "PROXMOX_MPC_PRODUCTION_SECRET = credentials('pve-prod')",
                "archiveArtifacts artifacts: 'plan.json, plan.txt, plan.sha256, plan.exitcode'", "copyArtifacts(",
                "when { branch 'main' }", "beforeInput true", "submitterParameter 'APPROVER'", "disableConcurrentBuilds()");
        List<String> order = List.of("stage('Validate')", "stage('Test the plan')", "stage('Plan')",
                "stage('Compare with the reviewed plan')", "stage('Apply')", "input {", "/approve plan.json", "/apply plan.json");
        for (int i = 1; i < order.size(); i++) {
            assertThat(j.indexOf(order.get(i - 1))).as(order.get(i - 1) + " before " + order.get(i))
                    .isGreaterThanOrEqualTo(0).isLessThan(j.indexOf(order.get(i)));
        }
        assertThat(j.chars().filter(c -> c == '{').count()).as("balanced braces").isEqualTo(j.chars().filter(c -> c == '}').count());
        assertThat(j.chars().filter(c -> c == '(').count()).as("balanced parentheses").isEqualTo(j.chars().filter(c -> c == ')').count());
    }

    @Test
    void settingsOfTheWrongShapeAreRefusedNamingTheKey() {
        assertThatThrownBy(() -> Pipelines.text(new GitHubActionsExporter(), Pipelines.context(root, Map.of("runner_labels", List.of("a b")))))
                .isInstanceOf(CommandException.class).hasMessageContaining("generators.ci.runner_labels");
        assertThatThrownBy(() -> Pipelines.text(new GitHubActionsExporter(), Pipelines.context(root, Map.of("main_branch", "x'; rm -rf /"))))
                .isInstanceOf(CommandException.class).hasMessageContaining("generators.ci.main_branch");
        assertThatThrownBy(() -> Pipelines.text(new GitHubActionsExporter(), Pipelines.context(root, Map.of("runner_labels", List.of()))))
                .isInstanceOf(CommandException.class).hasMessageContaining("at least one label");
    }

    @Test
    void aProjectOverridesATemplateInDotProxmoxTemplates() throws Exception {
        Path override = root.resolve(".proxmox/templates/ci/gitlab.yml.hbs");
        Files.createDirectories(override.getParent());
        Files.writeString(override, "# ours for {{environment}}\nstages: [deploy]\n");
        String text = Pipelines.text(new GitLabCiExporter(), Pipelines.context(root, Map.of()));
        assertThat(text).endsWith("# ours for production\nstages: [deploy]\n");
        assertThat(GeneratedHeader.untouched(text)).isTrue();
    }

    @Test
    void withoutTheKernelNothingIsWrittenAndTheDiagnosticSaysWhy() {
        ExportResult r = new GitHubActionsExporter().export(new ExportRequest(Inventory.empty(), "production", List.of(),
                Map.of(), Map.of()));
        assertThat(r.files()).extracting(GeneratedFile::path).isEmpty();
        assertThat(r.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.severity()).isEqualTo(Severity.ERROR);
            assertThat(d.summary()).contains("/export --ci github");
        });
    }

    @Test
    void anUnpinnedEnvironmentTrustsTheSystemCasAndTheSetUpStepsAreListed() {
        TestKernelContext ctx = Pipelines.context(root, Map.of());
        ExportResult r = Pipelines.export(new GitHubActionsExporter(), ctx, "default");
        assertThat(r.files().get(0).content()).contains("the system CAs");
        assertThat(r.diagnostics()).extracting(d -> d.summary()).anySatisfy(s -> assertThat(s).contains("required reviewers"));
    }
}
