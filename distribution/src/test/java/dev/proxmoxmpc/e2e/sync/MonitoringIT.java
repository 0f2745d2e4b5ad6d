package dev.proxmoxmpc.e2e.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.proxmoxmpc.e2e.Product;
import dev.proxmoxmpc.plugin.simulator.SimulatorOptions;
import dev.proxmoxmpc.plugin.simulator.SimulatorServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The monitoring plugin on the demo cluster, through the built product: {@code top --once --json}, {@code health}
 * (healthy demo, then a storage filled past its critical threshold), {@code rightsize}, {@code cost} and the files
 * /sync writes into {@code monitoring/}. (It lives beside the sync tests to share their project and API helpers.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MonitoringIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private SimulatorServer sim;
    private SyncProject p;

    @BeforeAll
    void start(@TempDir Path tmp) {
        sim = SimulatorServer.start(SimulatorOptions.builder().scenario("demo").port(0).build());
        p = SyncProject.init(tmp, sim);
        p.ok("sync");
    }

    @AfterAll
    void stop() {
        sim.close();
    }

    private static JsonNode json(Product.Run r) throws Exception {
        return JSON.readTree(r.stdout());
    }

    @Test
    @Order(1)
    void topOnceJsonListsEveryNodeAndGuestWithRates() throws Exception {
        Product.Run r = p.ok("top", "--once", "--json", "--interval", "1");
        JsonNode top = json(r);
        assertThat(top.get("nodes").findValuesAsText("node")).containsExactly("pve1", "pve2", "pve3");
        List<Integer> vmids = new ArrayList<>();
        top.get("guests").forEach(g -> vmids.add(g.get("vmid").asInt()));
        assertThat(vmids).containsExactlyInAnyOrder(100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111,
                200, 201, 202, 203, 204);
        for (JsonNode g : top.get("guests")) {
            if (g.get("status").asText().equals("running")) {
                assertThat(g.get("netin").asLong()).as("rate of " + g).isPositive();
                assertThat(g.get("diskwrite").asLong()).isPositive();
            }
        }
        assertThat(top.get("guests").get(0).get("vmid").asInt()).as("busiest CPU first: the saturated app-01").isEqualTo(104);
        Product.Run table = p.ok("top", "--once", "--node", "pve3", "--interval", "1");
        assertThat(table.stdout()).contains("NODE", "pve3", "db-02").doesNotContain("pve1 ");
        Product.Run bad = p.run("top", "--sort", "disk");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.stderr().strip()).contains("--sort must be one of cpu, mem, io, net").doesNotContain("\n").doesNotContain("Exception");
    }

    @Test
    @Order(2)
    void theDemoIsHealthyWithWarningsOnlyAndABackupCounts() throws Exception {
        new SimulatorApi(sim).task("POST", "/nodes/pve1/vzdump", Map.of("vmid", "100", "storage", "local", "mode", "snapshot"));
        Product.Run r = p.run("health");
        assertThat(r.exitCode()).as(r.all()).isZero();
        assertThat(r.stdout()).contains("nodes", "3 of 3 nodes online", "quorum", "storage", "certificates", "Health:");
        JsonNode report = json(p.ok("health", "--json"));
        assertThat(report.get("status").asText()).isIn("OK", "WARNING");
        for (JsonNode c : report.get("checks")) {
            assertThat(c.get("status").asText()).as(c.toString()).isIn("OK", "WARNING", "SKIPPED");
        }
        JsonNode backups = check(report, "backups");
        assertThat(backups.get("status").asText()).isEqualTo("WARNING");
        assertThat(backups.get("details").get(0).asText()).startsWith("never backed up: 101 web-02").doesNotContain("100 web-01");
        JsonNode guests = check(report, "guests");
        assertThat(guests.get("status").asText()).as("the saturated guest is a warning").isEqualTo("WARNING");
        assertThat(guests.get("details").get(0).asText()).startsWith("104 app-01 on pve2: CPU");
        assertThat(guests.get("details")).hasSize(1);
        Product.Run nagios = p.run("health", "--nagios");
        assertThat(nagios.exitCode()).as(nagios.all()).isEqualTo(1);
        assertThat(nagios.stdout()).startsWith("PROXMOX WARNING - guests: 1 of 15 running guests at their limits; backups:");
    }

    private static JsonNode check(JsonNode report, String name) {
        for (JsonNode c : report.get("checks")) {
            if (c.get("name").asText().equals(name)) {
                return c;
            }
        }
        throw new AssertionError("no check " + name + " in " + report);
    }

    @Test
    @Order(3)
    void rightsizeRecommendsLessForTheOversizedAndMoreForTheSaturatedGuest() throws Exception {
        JsonNode report = json(p.ok("rightsize", "--since", "7d", "--json"));
        assertThat(report.get("timeframe").asText()).isEqualTo("week");
        JsonNode oversized = guest(report, 102);
        assertThat(oversized.get("verdict").asText()).isEqualTo("oversized");
        assertThat(oversized.get("recommendedMemoryMiB").asLong()).isLessThan(16384);
        assertThat(oversized.get("command").asText()).startsWith("scale vm 102 ").contains("--memory");
        JsonNode saturated = guest(report, 104);
        assertThat(saturated.get("verdict").asText()).isEqualTo("saturated");
        assertThat(saturated.get("recommendedMemoryMiB").asLong()).isGreaterThan(8192);
        assertThat(saturated.get("recommendedCores").asInt()).isGreaterThan(4);
        assertThat(guest(report, 109).get("memorySource").asText()).as("Windows without balloon driver").isEqualTo("host");
        Product.Run table = p.ok("rightsize");
        assertThat(table.stdout()).contains("scale vm 102", "What the recommendations would free per node");
        assertThat(table.stderr()).contains("104 app-01 is saturated");
    }

    private static JsonNode guest(JsonNode report, int vmid) {
        for (JsonNode g : report.get("guests")) {
            if (g.get("vmid").asInt() == vmid) {
                return g;
            }
        }
        throw new AssertionError("no guest " + vmid + " in " + report);
    }

    @Test
    @Order(4)
    void costNeedsAModelThenPricesEachGuest() throws Exception {
        Product.Run none = p.run("cost");
        assertThat(none.exitCode()).isEqualTo(1);
        assertThat(none.stderr()).contains("no cost model in .proxmox/config.yml");
        Path config = p.dir.resolve(".proxmox/config.yml");
        String yml = Files.readString(config);
        String model = "  monitoring:\n    cost:\n      currency: EUR\n      core_month: 8\n      memory_gib_month: 2.5\n"
                + "      disk_gib_month: 0.05\n";
        Files.writeString(config, yml.contains("generators: {}") ? yml.replace("generators: {}", "generators:\n" + model)
                : yml.contains("\ngenerators:\n") ? yml.replace("\ngenerators:\n", "\ngenerators:\n" + model)
                : yml + (yml.endsWith("\n") ? "" : "\n") + "generators:\n" + model);
        JsonNode cost = json(p.ok("cost", "--by", "node", "--json"));
        JsonNode web = null;
        double sum = 0;
        for (JsonNode g : cost.get("guests")) {
            sum += g.get("monthly").asDouble();
            if (g.get("vmid").asInt() == 100) {
                web = g;
            }
        }
        assertThat(web).isNotNull();
        assertThat(web.get("monthly").asDouble()).as("2 x 8 + 4 GiB x 2.5 + 32 GiB x 0.05").isEqualTo(27.6);
        assertThat(cost.get("total").asDouble()).isCloseTo(sum, org.assertj.core.data.Offset.offset(0.01));
        assertThat(cost.get("groups").findValuesAsText("key")).containsExactly("pve1", "pve2", "pve3");
    }

    @Test
    @Order(5)
    void syncWritesTheMonitoringConfigAndRewritesNothingTheSecondTime() throws Exception {
        Path prom = p.dir.resolve("monitoring/prometheus/prometheus.yml");
        assertThat(prom).isRegularFile();
        assertThat(Files.readString(prom)).contains("job_name: pve-cluster", "'127.0.0.1'", "'pve1'", "'pve3'");
        assertThat(p.dir.resolve("monitoring/prometheus/rules/proxmox.rules.yml")).content().contains("pve_not_backed_up_total");
        Path dashboard = p.dir.resolve("monitoring/grafana/proxmox-demo.json");
        assertThat(JSON.readTree(dashboard.toFile()).get("uid").asText()).isEqualTo("pve-demo");
        Files.setLastModifiedTime(prom, FileTime.fromMillis(0));
        String before = Files.readString(prom);
        p.ok("sync");
        assertThat(Files.getLastModifiedTime(prom).toMillis()).as("unchanged content is not rewritten").isZero();
        assertThat(Files.readString(prom)).isEqualTo(before);
    }

    @Test
    @Order(6)
    void aStorageFilledPastItsCriticalThresholdFailsHealthAndNagiosSaysCritical() throws Exception {
        new SimulatorApi(sim).task("POST", "/nodes/pve1/qemu", Map.of("vmid", "990", "name", "filler",
                "scsi0", "local-lvm:260", "memory", "512"));
        Product.Run r = p.run("health");
        assertThat(r.exitCode()).as(r.all()).isEqualTo(1);
        assertThat(r.stdout()).contains("storage: local-lvm on pve1:");
        Product.Run nagios = p.run("health", "--nagios");
        assertThat(nagios.exitCode()).as(nagios.all()).isEqualTo(2);
        assertThat(nagios.stdout()).startsWith("PROXMOX CRITICAL - storage:");
    }

    @Test
    @Order(7)
    void aNodeDownFailsHealthAndNagiosSaysCritical() throws Exception {
        sim.faults().nodeOffline("pve3", true); // as PVE shows it: offline in /nodes and /cluster/resources, 595 below
        try {
            Product.Run r = p.run("health");
            assertThat(r.exitCode()).as(r.all()).isEqualTo(1);
            assertThat(r.stdout()).contains("pve3");
            Product.Run nagios = p.run("health", "--nagios");
            assertThat(nagios.exitCode()).as(nagios.all()).isEqualTo(2);
            assertThat(nagios.stdout()).startsWith("PROXMOX CRITICAL - ").contains("pve3");
        } finally {
            sim.faults().nodeOffline("pve3", false);
        }
    }
}
