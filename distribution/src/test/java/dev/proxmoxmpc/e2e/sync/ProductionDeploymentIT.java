package dev.proxmoxmpc.e2e.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proxmoxmpc.e2e.Product;
import dev.proxmoxmpc.plugin.simulator.SimulatorOptions;
import dev.proxmoxmpc.plugin.simulator.SimulatorServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The brief's third workflow on two simulators: the demo cluster as the source, a second empty cluster with other
 * node names (src/test/resources/scenarios/production-empty.yml) as {@code production}. Map the nodes, export the
 * project into a directory inside it, and from the export plan and create everything on the empty cluster.
 */
class ProductionDeploymentIT {
    private static final Path PRODUCTION = Path.of("src/test/resources/scenarios/production-empty.yml").toAbsolutePath();

    @Test
    void anExportedProjectDeploysEverythingOntoAnEmptyClusterWithOtherNodeNames(@TempDir Path tmp) throws Exception {
        try (SimulatorServer demo = SimulatorServer.start(SimulatorOptions.builder().scenario("demo").port(0).build());
             SimulatorServer prod = SimulatorServer.start(SimulatorOptions.builder().scenario(PRODUCTION.toString()).port(0).build())) {
            SyncProject source = SyncProject.init(tmp, demo);
            source.product.env("PROD_TOKEN_SECRET", prod.tokenSecret());
            source.ok("sync");
            source.ok("environment", "add", "production", "--server", "127.0.0.1", "--port", Integer.toString(prod.port()),
                    "--token-id", prod.tokenId(), "--token-secret-env", "PROD_TOKEN_SECRET", "--fingerprint", prod.fingerprint());
            source.ok("environment", "map", "production", "--node", "pve1=prod1", "--node", "pve2=prod2", "--node", "pve3=prod3");

            source.ok("export", "production-deployment");

            Path export = source.dir.resolve("production-deployment");
            assertThat(export.resolve("terraform/environments/production.tfvars")).exists();
            assertThat(export.resolve("terraform/environments/default.tfvars")).exists();
            assertThat(export.resolve("ansible/environments/production/group_vars/all.yml")).content()
                    .contains("proxmox_environment: production", "https://127.0.0.1:" + prod.port());
            assertThat(export.resolve("ansible/environments/default/group_vars/all.yml")).content()
                    .contains("proxmox_environment: default");
            assertThat(export.resolve(".proxmox/config.yml")).content().contains("production:", "prod1", "PROD_TOKEN_SECRET");
            assertThat(export.resolve(".proxmox/desired-state.json")).exists();
            assertThat(export.resolve("README.md")).content().contains("terraform apply", "ansible-playbook");
            assertThat(export.resolve("scripts/deploy.sh")).exists();
            assertThat(export.resolve(".proxmox/state.db")).doesNotExist();
            assertThat(export.resolve(".proxmox/history")).doesNotExist();
            assertThat(export.resolve("terraform/imports.tf")).doesNotExist();
            for (Path f : files(export)) {
                String text = Files.readString(f);
                assertThat(text).as(f + " holds no secret").doesNotContain(demo.tokenSecret()).doesNotContain(prod.tokenSecret());
                assertThat(text).as(f + " has no import block").doesNotContain("import {");
            }
            assertThat(source.run("export", "production-deployment").exitCode()).as("a non-empty DIR needs --force").isEqualTo(1);

            SyncProject deployed = SyncProject.at(export, source.product);
            deployed.ok("environment", "switch", "production");
            Product.Run plan = deployed.run("--detailed-exitcode", "plan");
            assertThat(plan.exitCode()).as(plan.all()).isEqualTo(3);
            assertThat(plan.stdout()).contains("+ vm/9000 debian-12-cloud", "+ vm/9001 ubuntu-2404-cloud", "+ vm/100 web-01",
                    "+ ct/200 dns-01", "+ ct/204 mqtt-broker", "+ pool/production", "+ network/prod1/vmbr0", "+ network/prod3/vmbr1")
                    .containsPattern("Plan: \\d+ to create, 6 to update, 0 to replace, 0 to delete\\.")
                    .doesNotContain("pve1");
            // the only updates: the ports of the demo's bond0 (eno3, eno4) are brought up (autostart) as on the demo
            assertThat(plan.stdout().lines().filter(l -> l.startsWith("  ~ ")).toList())
                    .allMatch(l -> l.matches("  ~ network/prod[123]/eno[34] .*"));
            assertThat(plan.stdout().indexOf("vm/9000")).as("templates before the guests").isLessThan(plan.stdout().indexOf("vm/100 "));
            assertThat(plan.stdout().indexOf("network/prod1/vmbr0")).as("networks first").isLessThan(plan.stdout().indexOf("vm/9000"));

            Product.Run apply = deployed.run("apply", "--yes");
            assertThat(apply.exitCode()).as(apply.all()).isZero();

            Product.Run again = deployed.run("--detailed-exitcode", "plan");
            assertThat(again.exitCode()).as(again.all()).isZero();
            assertThat(again.stdout()).contains("No changes.");

            // production's own state: a /sync there compares its server with the mapped desired state and leaves the
            // shared desired state in the project's names
            Product.Run prodSync = deployed.ok("sync");
            assertThat(prodSync.stdout()).as(prodSync.all()).contains("Conflicts: None", "Pending changes: none");
            assertThat(deployed.ok("--detailed-exitcode", "plan").stdout()).contains("No changes.");
            for (Path f : files(export.resolve("terraform"))) {
                assertThat(f).as("regenerated from the shared desired state").content().doesNotContain("prod1");
            }
            Product.Run list = deployed.ok("--json", "environment", "list");
            assertThat(list.stdout()).containsPattern("\"name\" ?: ?\"default\"[^}]*\"lastSync\" ?: ?null")
                    .containsPattern("\"name\" ?: ?\"production\"[^}]*\"lastSync\" ?: ?\"2");
            assertThat(deployed.ok("history").stdout()).as("production's history").contains("sync");

            deployed.ok("environment", "switch", "default");
            assertThat(deployed.ok("history").stdout()).as("default has no history in the export yet").contains("No snapshots yet");
            Product.Run source2 = deployed.run("--detailed-exitcode", "plan");
            assertThat(source2.exitCode()).as("the desired state kept the project's own node names\n" + source2.all()).isZero();
        }
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).toList();
        }
    }
}
