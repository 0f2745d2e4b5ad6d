package dev.proxmoxmpc.e2e.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proxmoxmpc.e2e.Product;
import dev.proxmoxmpc.plugin.simulator.SimulatorOptions;
import dev.proxmoxmpc.plugin.simulator.SimulatorServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Saved plans against the simulator over HTTPS: /plan --out, /show, /apply FILE exactly once, a stale or edited
 * plan refused; an environment that requires approval takes only an approved plan, and /audit report names the
 * approver.
 */
class SavedPlanIT {

    /**
     * Initialises the project with its {@code .proxmox/} directory made first, so the product finds this project
     * and never a stray one in a parent directory (the kernel looks upwards for {@code .proxmox/}).
     */
    private static SyncProject init(Path tmp, SimulatorServer sim) throws Exception {
        Files.createDirectories(tmp.resolve("project/.proxmox"));
        return SyncProject.init(tmp, sim);
    }

    @Test
    void aSavedPlanIsAppliedOnceAndStaleOrEditedPlansAreRefused(@TempDir Path tmp) throws Exception {
        try (SimulatorServer sim = SimulatorServer.start(SimulatorOptions.builder().scenario("demo").port(0).build())) {
            SimulatorApi api = new SimulatorApi(sim);
            SyncProject p = init(tmp, sim);
            p.ok("sync");
            p.ok("-c", "/update vm web-01 --memory 8192");

            Product.Run plan = p.run("plan", "--out", "plan.json", "--detailed-exitcode");
            assertThat(plan.exitCode()).as(plan.all()).isEqualTo(3);
            assertThat(plan.stdout()).contains("~ vm/100 web-01", "memory: 4096 -> 8192");
            Product.Run shown = p.ok("show", "plan.json");
            assertThat(shown.stdout()).contains("~ vm/100 web-01", "memory: 4096 -> 8192", "Plan: 0 to create, 1 to update");
            JsonNode json = p.json("show", "plan.json", "--json");
            assertThat(json.path("format").asText()).isEqualTo("proxmox-mpc-plan");
            assertThat(json.path("plan").path("observed").get(0).path("digest").asText()).hasSize(40);
            assertThat(json.path("sha256").asText()).hasSize(64);

            p.ok("apply", "plan.json", "--yes");
            assertThat(api.config("pve1", 100).path("memory").asText()).isEqualTo("8192");
            Product.Run again = p.run("apply", "plan.json", "--yes");
            assertThat(again.exitCode()).as(again.all()).isEqualTo(1);
            assertThat(again.all()).contains("plan.json was already applied", "/plan --out plan.json").doesNotContain("Exception");

            p.ok("-c", "/update vm web-01 --memory 6144");
            assertThat(p.run("plan", "--out", "stale.json").exitCode()).isZero();
            api.send("PUT", "/nodes/pve1/qemu/100/config", Map.of("cores", "3"));
            Product.Run stale = p.run("apply", "stale.json", "--yes");
            assertThat(stale.exitCode()).as(stale.all()).isEqualTo(1);
            assertThat(stale.all()).contains("vm/100 web-01: cores", "-> 3", "changed since the plan", "the plan is stale");
            assertThat(api.config("pve1", 100).path("memory").asText()).isEqualTo("8192");

            assertThat(p.run("plan", "--out", "edited.json").exitCode()).isZero();
            Path edited = p.dir.resolve("edited.json");
            Files.writeString(edited, Files.readString(edited).replace("\"6144\"", "\"2048\""));
            Product.Run refused = p.run("apply", "edited.json", "--yes");
            assertThat(refused.exitCode()).as(refused.all()).isEqualTo(1);
            assertThat(refused.all()).contains("edited.json was edited after /plan wrote it");
            assertThat(api.config("pve1", 100).path("memory").asText()).isEqualTo("8192");
        }
    }

    @Test
    void anEnvironmentThatRequiresApprovalAppliesOnlyApprovedPlansAndTheReportNamesTheApprover(@TempDir Path tmp) throws Exception {
        try (SimulatorServer sim = SimulatorServer.start(SimulatorOptions.builder().scenario("demo").port(0).build())) {
            SimulatorApi api = new SimulatorApi(sim);
            SyncProject p = init(tmp, sim);
            Path config = p.dir.resolve(".proxmox/config.yml");
            String yml = Files.readString(config);
            assertThat(yml).contains("\n  default:\n");
            Files.writeString(config, yml.replace("\n  default:\n", "\n  default:\n    require_approval: true\n"));
            p.ok("sync");
            p.ok("-c", "/update vm web-01 --memory 8192");

            Product.Run plain = p.run("apply", "--yes");
            assertThat(plain.exitCode()).as(plain.all()).isEqualTo(1);
            assertThat(plain.all()).contains("environment 'default' requires approval");
            assertThat(p.run("plan", "--out", "plan.json").exitCode()).isZero();
            Product.Run unapproved = p.run("apply", "plan.json", "--yes");
            assertThat(unapproved.exitCode()).as(unapproved.all()).isEqualTo(1);
            assertThat(unapproved.all()).contains("requires approval and plan.json carries none");
            assertThat(api.config("pve1", 100).path("memory").asText()).isEqualTo("4096");

            p.ok("approve", "plan.json", "--by", "alice");
            assertThat(p.ok("show", "plan.json").stdout()).contains("Approved by alice");
            p.ok("apply", "plan.json", "--yes");
            assertThat(api.config("pve1", 100).path("memory").asText()).isEqualTo("8192");

            String sha = p.json("show", "plan.json", "--json").path("sha256").asText();
            Product.Run md = p.ok("-c", "/audit report --format md");
            assertThat(md.stdout()).contains("## Environment default", "| vm/100 | update vm/100 web-01: memory 4096 -> 8192 | ok |",
                    "| alice | " + sha.substring(0, 12) + " |");
            Product.Run csv = p.ok("-c", "/audit report --format csv --since 2000-01-01");
            assertThat(csv.stdout()).contains("default,change,").contains(",alice," + sha);
            JsonNode report = p.json("-c", "/audit report --json");
            assertThat(report.path("environments").get(0).path("environment").asText()).isEqualTo("default");
            assertThat(Files.readString(p.dir.resolve(".proxmox/audit.log")))
                    .contains("\"action\":\"plan save\",\"target\":\"plan/" + sha)
                    .contains("\"action\":\"plan approve\",\"target\":\"plan/" + sha)
                    .contains("\"action\":\"plan apply\",\"target\":\"plan/" + sha);
        }
    }
}
