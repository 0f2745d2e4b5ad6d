package dev.proxmoxmpc.e2e.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
 * Issue 25 for backup jobs, replication and HA on the demo: after /sync the Terraform files hold them, parse with
 * HashiCorp's parser and fit the bpg schema, and /plan is empty; a hand edit of a backup job's schedule and of an HA
 * rule's nodes is read by /sync, planned as exactly that change, applied on the server, and the next plan is empty.
 */
class ClusterObjectsFlowIT {

    @Test
    void backupJobsAndHaAreCodeAndHandEditsReachTheServer(@TempDir Path tmp) throws Exception {
        try (SimulatorServer sim = SimulatorServer.start(SimulatorOptions.builder().scenario("demo").port(0).taskDurationMs(20).build())) {
            SimulatorApi api = new SimulatorApi(sim);
            SyncProject p = SyncProject.init(tmp, sim);
            p.ok("sync");
            Path tf = p.dir.resolve("terraform");
            String jobs = Files.readString(tf.resolve("backup_jobs.tf"));
            String ha = Files.readString(tf.resolve("ha.tf"));
            assertThat(jobs).contains("resource \"proxmox_backup_job\" \"backup_8c1d5f3a_7e21\"");
            assertThat(ha).contains("resource \"proxmox_haresource\" \"vm_101\"", "resource \"proxmox_haresource\" \"ct_202\"",
                    "resource \"proxmox_harule\" \"proxy_on_pve3\"", "resource \"proxmox_harule\" \"web_proxy_apart\"");
            assertThat(Files.readString(tf.resolve("replication.tf"))).as("the demo's LVM-thin disks cannot be replicated")
                    .doesNotContain("resource ");
            assertThat(Files.readString(tf.resolve("imports.tf"))).contains("to = proxmox_harule.proxy_on_pve3\n  id = \"proxy-on-pve3\"");
            List<Path> files = tfFiles(tf);
            assertThat(HclTools.parse(files)).hasSameSizeAs(files).allSatisfy(r -> assertThat(r.path("ok").asBoolean()).as(r.toString()).isTrue());
            HclTools.Run schema = HclTools.checkSchema(files);
            assertThat(schema.exit()).as(schema.out()).isZero();
            assertNoChanges(p);

            assertThat(jobs).containsPattern("schedule\\s*=\\s*\"21:00\"");
            Files.writeString(tf.resolve("backup_jobs.tf"), jobs.replaceFirst("schedule(\\s*)=(\\s*)\"21:00\"", "schedule$1=$2\"22:30\""));
            assertThat(p.ok("sync").all()).contains("Imported hand edits: terraform: terraform/backup_jobs.tf");
            assertOnlyChange(p, "backup-job/backup-8c1d5f3a-7e21", "schedule", "21:00", "22:30");
            p.ok("apply", "--yes");
            assertThat(api.get("/cluster/backup/backup-8c1d5f3a-7e21").path("schedule").asText()).isEqualTo("22:30");
            assertNoChanges(p);

            ha = Files.readString(tf.resolve("ha.tf"));
            String nodes = "  nodes = {\n    pve3 = null\n  }\n";
            assertThat(ha).contains(nodes);
            Files.writeString(tf.resolve("ha.tf"), ha.replace(nodes, "  nodes = {\n    pve2 = null\n    pve3 = null\n  }\n"));
            assertThat(p.ok("sync").all()).contains("Imported hand edits: terraform: terraform/ha.tf");
            assertOnlyChange(p, "ha-rule/proxy-on-pve3", "nodes", "pve3", "pve2,pve3");
            p.ok("apply", "--yes");
            assertThat(api.get("/cluster/ha/rules/proxy-on-pve3").path("nodes").asText()).isEqualTo("pve2,pve3");
            assertNoChanges(p);
        }
    }

    private static void assertNoChanges(SyncProject p) {
        Product.Run plan = p.run("--detailed-exitcode", "plan");
        assertThat(plan.exitCode()).as(plan.all()).isZero();
        assertThat(plan.stdout()).contains("No changes.");
    }

    private static void assertOnlyChange(SyncProject p, String object, String key, String from, String to) throws Exception {
        Product.Run plan = p.run("--detailed-exitcode", "plan");
        assertThat(plan.exitCode()).as(plan.all()).isEqualTo(3);
        assertThat(plan.stdout()).contains("~ " + object, "~ " + key + ": " + from + " -> " + to,
                "Plan: 0 to create, 1 to update, 0 to replace, 0 to delete.");
        JsonNode json = p.json("plan", "--json");
        assertThat(json.path("items")).hasSize(1);
        JsonNode item = json.path("items").get(0);
        assertThat(item.path("resource").asText()).isEqualTo(object);
        assertThat(item.path("fields")).hasSize(1);
        assertThat(item.path("fields").get(0).path("field").asText()).isEqualTo(key);
        assertThat(item.path("fields").get(0).path("before").asText()).isEqualTo(from);
        assertThat(item.path("fields").get(0).path("after").asText()).isEqualTo(to);
    }

    private static List<Path> tfFiles(Path dir) throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(f -> f.toString().endsWith(".tf")).sorted().toList();
        }
    }
}
