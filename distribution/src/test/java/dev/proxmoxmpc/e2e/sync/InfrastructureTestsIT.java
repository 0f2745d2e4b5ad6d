package dev.proxmoxmpc.e2e.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.proxmoxmpc.e2e.Product;
import dev.proxmoxmpc.plugin.simulator.ApiToken;
import dev.proxmoxmpc.plugin.simulator.SimulatorOptions;
import dev.proxmoxmpc.plugin.simulator.SimulatorServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The testing plugin on the demo scenario, through the assembled product: tests generated for every guest by /sync,
 * /test live and plan, JUnit XML, a read-only token, a changed VM, /validate with a CEL rule and a dropped-in plugin's
 * rule, and /apply refusing a plan that fails its tests.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InfrastructureTestsIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SUMMARY = "(?m)^\\d+ passed, 0 failed, \\d+ skipped$";

    @TempDir
    static Path tmp;
    static SimulatorServer sim;
    static SyncProject project;

    @BeforeAll
    static void start() {
        sim = SimulatorServer.start(SimulatorOptions.builder().scenario("demo").port(0).taskDurationMs(20).build());
        project = SyncProject.init(tmp, sim);
        project.ok("sync");
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    @Order(1)
    void syncGeneratesTestsForEveryGuest() throws Exception {
        try (Stream<Path> files = Stream.concat(Files.list(project.dir.resolve("tests/vms")), Files.list(project.dir.resolve("tests/containers")))) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).hasSize(19)
                    .contains("web-01.test.yml", "debian-12-cloud.test.yml", "dns-01.test.yml", "mqtt-broker.test.yml");
        }
        assertThat(project.dir.resolve("tests/infrastructure.test.yml")).exists();
        assertThat(project.dir.resolve("tests/integration/services.test.yml")).exists();
        assertThat(project.dir.resolve("tests/performance/db-01.test.yml")).exists();
        assertThat(project.dir.resolve("tests/testinfra/test_web_01.py")).exists();
        Product.Run again = project.ok("sync");
        assertThat(again.all()).doesNotContain("tests/vms/web-01.test.yml");
    }

    @Test
    @Order(2)
    void theDemoPassesItsLiveTestsAndTheJunitXmlHasOneTestcasePerCheck() throws Exception {
        Product.Run r = project.run("test", "--junit", "reports/infra.xml");
        assertThat(r.exitCode()).as(r.all()).isZero();
        assertThat(r.stdout()).containsPattern(SUMMARY).doesNotContain("FAIL ");
        JsonNode json = project.json("test", "--json");
        assertThat(json.get("failed").asInt()).isZero();
        assertThat(json.get("passed").asInt()).isGreaterThan(200);
        var xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(project.dir.resolve("reports/infra.xml").toFile());
        assertThat(xml.getElementsByTagName("testcase").getLength()).isEqualTo(json.get("results").size());
        assertThat(xml.getElementsByTagName("failure").getLength()).isZero();
    }

    @Test
    @Order(3)
    void aReadOnlyTokenSkipsTheChecksThatCannotRunWithTheReason() throws Exception {
        ApiToken weak = sim.faults().tokenWithoutPrivileges();
        Path config = project.dir.resolve(".proxmox/config.yml");
        String original = Files.readString(config);
        Files.writeString(config, original.replace("token_id: " + sim.tokenId(), "token_id: " + weak.id()));
        try {
            Product.Run r = Product.inHome(tmp.resolve("home")).env("PROXMOX_MPC_DEFAULT_SECRET", weak.secret())
                    .run(project.dir, "test", "web-01");
            assertThat(r.exitCode()).as(r.all()).isZero();
            assertThat(r.stdout()).contains("SKIP web-01 cores (the token lacks the privilege: permission denied")
                    .containsPattern("(?m)^0 passed, 0 failed, \\d+ skipped$");
        } finally {
            Files.writeString(config, original);
        }
    }

    @Test
    @Order(4)
    void changingOneVmsCoresOnTheServerFailsExactlyThatGuestsTest() throws Exception {
        SimulatorApi api = new SimulatorApi(sim);
        api.send("PUT", "/nodes/pve2/qemu/104/config", Map.of("cores", "6"));
        try {
            Product.Run r = project.run("test");
            assertThat(r.exitCode()).as(r.all()).isEqualTo(1);
            List<String> failures = r.stdout().lines().filter(l -> l.startsWith("FAIL")).toList();
            assertThat(failures).containsExactly("FAIL app-01 cores: expected 4, actual 6");
            assertThat(r.stdout()).containsPattern("(?m)^\\d+ passed, 1 failed, \\d+ skipped$");
        } finally {
            api.send("PUT", "/nodes/pve2/qemu/104/config", Map.of("cores", "4"));
        }
    }

    @Test
    @Order(5)
    void validateFindsWarningsWithRuleIdsButNoErrorsAndAppliesACelRuleAndAPluginsRule() throws Exception {
        JsonNode plain = project.json("validate", "--json");
        assertThat(plain.get("errors").asInt()).as(plain.toString()).isZero();
        assertThat(plain.get("warnings").asInt()).isPositive();
        List<String> rules = new ArrayList<>();
        plain.get("findings").forEach(f -> rules.add(f.get("rule").asText()));
        assertThat(rules).contains("protection-production", "cpu-host-migration", "firewall-public-bridge");
        assertThat(plain.get("rules").size()).isGreaterThanOrEqualTo(15);

        Files.writeString(project.dir.resolve(".proxmox/policies.yml"), """
                rules:
                  protection-production: off
                custom:
                  - id: small-guests
                    severity: warning
                    expr: guest.memory <= 8192
                    message: has more than 8 GiB of memory
                """);
        Path zip = Path.of(System.getProperty("mpc.extra.plugins.dir"), "plugin-example-prometheus-plugin.zip");
        Files.createDirectories(project.dir.resolve(".proxmox/plugins"));
        Files.copy(zip, project.dir.resolve(".proxmox/plugins/plugin-example-prometheus-plugin.zip"));
        try {
            JsonNode custom = project.json("validate", "--json");
            List<String> found = new ArrayList<>();
            custom.get("findings").forEach(f -> found.add(f.get("rule").asText() + " " + f.get("message").asText()));
            assertThat(found).contains("small-guests db-01: has more than 8 GiB of memory",
                    "prometheus-scrape-address ci-runner-01: no address known, not a Prometheus target")
                    .noneMatch(f -> f.startsWith("protection-production"));

            Files.writeString(project.dir.resolve(".proxmox/policies.yml"), "custom:\n  - id: broken\n    expr: guest.memory >\n");
            Product.Run broken = project.run("validate");
            assertThat(broken.exitCode()).isEqualTo(1);
            assertThat(broken.stderr()).containsPattern("\\.proxmox/policies\\.yml:3:\\d+: rule 'broken': invalid CEL expression")
                    .doesNotContain("Exception").doesNotContain("\tat ");
        } finally {
            Files.delete(project.dir.resolve(".proxmox/policies.yml"));
            Files.delete(project.dir.resolve(".proxmox/plugins/plugin-example-prometheus-plugin.zip"));
        }
    }

    @Test
    @Order(6)
    void thePlanPhaseCatchesANewVmThatOvercommitsItsNodeAndApplyRefusesIt() throws Exception {
        project.ok("create", "vm", "--name", "big-01", "--node", "pve3", "--memory", "48G", "--cores", "8", "--disk", "32G",
                "--start", "--tags", "big");
        long tasksBefore = taskCount();
        Product.Run plan = project.run("test", "--phase", "plan");
        assertThat(plan.exitCode()).as(plan.all()).isEqualTo(1);
        assertThat(plan.stdout()).contains("FAIL node pve3 memory: expected at most 64.0 GiB, actual 89.0 GiB for running guests");
        Product.Run apply = project.run("apply", "--yes");
        assertThat(apply.exitCode()).as(apply.all()).isEqualTo(1);
        assertThat(apply.all()).contains("pre-apply test", "--skip-tests", "node pve3 memory");
        assertThat(taskCount()).as("nothing was changed on the server").isEqualTo(tasksBefore);
        project.ok("delete", "vm", "big-01", "--yes");
    }

    private static long taskCount() throws Exception {
        return new SimulatorApi(sim).get("/cluster/tasks").size();
    }
}
