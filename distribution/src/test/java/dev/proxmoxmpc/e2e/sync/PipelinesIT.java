package dev.proxmoxmpc.e2e.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proxmoxmpc.e2e.Product;
import dev.proxmoxmpc.plugin.simulator.SimulatorOptions;
import dev.proxmoxmpc.plugin.simulator.SimulatorServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cicd plugin in the built product: {@code /export DIR --ci ...} writes the pipelines into the export beside the
 * project, {@code /ci generate NAME} into the project itself, each at its CI's own place, with the secret's variable
 * name from config.yml and never the secret.
 */
class PipelinesIT {

    @Test
    void exportWithCiAndCiGenerateWriteThePipelinesAtTheirPlaces(@TempDir Path tmp) throws Exception {
        try (SimulatorServer demo = SimulatorServer.start(SimulatorOptions.builder().scenario("demo").port(0).build())) {
            SyncProject project = SyncProject.init(tmp, demo);
            project.product.env("PROD_TOKEN_SECRET", demo.tokenSecret());
            project.ok("sync");
            project.ok("environment", "add", "production", "--server", "127.0.0.1", "--port", Integer.toString(demo.port()),
                    "--token-id", demo.tokenId(), "--token-secret-env", "PROD_TOKEN_SECRET", "--fingerprint", demo.fingerprint());

            Product.Run export = project.ok("-c", "/export prod-repo --env production --ci github --ci jenkins");
            assertThat(export.stdout()).contains("pipelines ci-github, ci-jenkins", "required reviewers");
            Path repo = project.dir.resolve("prod-repo");
            assertThat(repo.resolve(".proxmox/desired-state.json")).exists();
            assertThat(repo.resolve(".github/workflows/proxmox-mpc.yml")).content()
                    .contains("PROD_TOKEN_SECRET: ${{ secrets.PROD_TOKEN_SECRET }}", "environment: production",
                            "/plan --out plan.json --detailed-exitcode", demo.fingerprint());
            assertThat(repo.resolve("Jenkinsfile")).content().contains("PROD_TOKEN_SECRET = credentials('proxmox-mpc-production-secret')");
            assertThat(repo.resolve(".gitlab-ci.yml")).doesNotExist();
            for (Path f : files(repo)) {
                assertThat(Files.readString(f)).as(f + " holds no secret").doesNotContain(demo.tokenSecret());
            }

            assertThat(project.run("export", "other", "--ci", "gitlub").exitCode()).as("an unknown CI system").isEqualTo(2);
            assertThat(project.dir.resolve("other")).doesNotExist();

            Product.Run generate = project.ok("ci", "generate", "gitlab");
            assertThat(generate.stdout()).contains("Wrote .gitlab-ci.yml (gitlab pipeline for environment default)");
            Path gitlab = project.dir.resolve(".gitlab-ci.yml");
            assertThat(gitlab).content().contains("PROXMOX_MPC_DEFAULT_SECRET", "when: manual", "name: default");
            assertThat(project.ok("ci", "generate", "gitlab").stdout()).contains("Unchanged: .gitlab-ci.yml");

            Files.writeString(gitlab, Files.readString(gitlab) + "# ours\n");
            Product.Run refused = project.run("ci", "generate", "gitlab");
            assertThat(refused.exitCode()).as(refused.all()).isEqualTo(1);
            assertThat(refused.all()).contains(".gitlab-ci.yml was edited by hand").doesNotContain("Exception");
            assertThat(gitlab).content().endsWith("# ours\n");
            project.ok("ci", "generate", "gitlab", "--force");
            assertThat(gitlab).content().doesNotContain("# ours");

            // the part of /show --json the pipelines hash (plan_filter) is there and names the planned changes
            assertThat(gitlab).content().contains("jq -S -e '.plan.items' plan-show.json");
            project.ok("update", "vm", "100", "--description", "reviewed");
            assertThat(project.run("plan", "--out", "plan.json").exitCode()).isIn(0, 3);
            com.fasterxml.jackson.databind.JsonNode shown = project.json("show", "plan.json", "--json");
            assertThat(shown.at("/plan/items").isArray()).as(shown.toString()).isTrue();
            assertThat(shown.at("/plan/items").toString()).contains("100");
        }
    }

    private static List<Path> files(Path dir) throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).toList();
        }
    }
}
