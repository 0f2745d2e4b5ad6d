package dev.proxmoxmpc.e2e.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.proxmoxmpc.e2e.Product;
import dev.proxmoxmpc.plugin.simulator.SimulatorOptions;
import dev.proxmoxmpc.plugin.simulator.SimulatorServer;
import dev.proxmoxmpc.testsupport.ExternalTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
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
 * {@code proxmox-mpc mcp} driven over stdio by the official TypeScript MCP client (npm
 * {@code @modelcontextprotocol/sdk}, src/test/resources/mcp) on a project synced from the demo simulator.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class McpServerIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private SimulatorServer sim;
    private SyncProject p;
    private Path home;

    @BeforeAll
    void start(@TempDir Path tmp) {
        sim = SimulatorServer.start(SimulatorOptions.builder().scenario("demo").port(0).build());
        home = tmp.resolve("home");
        p = SyncProject.init(tmp, sim);
        p.ok("sync");
    }

    @AfterAll
    void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    /** Runs the client with these steps; returns what it saw, after checking no result carries the token secret. */
    private JsonNode client(Map<String, Object> steps) throws Exception {
        Path tools = ExternalTools.npm("mcp-client", "mcp", List.of("package.json", "client.mjs"),
                "@modelcontextprotocol/sdk");
        Map<String, String> env = new HashMap<>();
        env.put("MPC_ENV_HOME", home.toString());
        env.put("MPC_ENV_NO_COLOR", "1");
        env.put("MPC_ENV_PROXMOX_MPC_OPTS", "-Duser.home=" + home);
        env.put("MPC_ENV_PROXMOX_MPC_DEFAULT_SECRET", sim.tokenSecret());
        String launcher = Product.distDir().resolve("bin/proxmox-mpc").toString();
        ExternalTools.Run r = ExternalTools.run(tools, List.of("node", "client.mjs", launcher, p.dir.toString(),
                JSON.writeValueAsString(steps)), env, Duration.ofMinutes(5));
        assertThat(r.exit()).as(r.all()).isZero();
        JsonNode out = JSON.readTree(r.out());
        assertThat(out.path("fatal").isMissingNode()).as(r.all()).isTrue();
        String everything = out.path("calls").toString() + out.path("resources") + out.path("prompts");
        assertThat(everything).as("no tool result carries the token secret").doesNotContain(sim.tokenSecret());
        assertThat(out.path("stderr").asText()).doesNotContain(sim.tokenSecret()).doesNotContain("Exception");
        return out;
    }

    private static List<String> names(JsonNode tools) {
        List<String> names = new ArrayList<>();
        tools.forEach(t -> names.add(t.get("name").asText()));
        return names;
    }

    private static JsonNode call(JsonNode out, int i) {
        return out.get("calls").get(i).get("result");
    }

    @Test
    @Order(1)
    void readAndDesiredStateToolsWorkAndNothingChangesTheServer() throws Exception {
        Map<String, Object> steps = Map.of(
                "allowApply", false, "elicit", "accept",
                "calls", List.of(
                        Map.of("tool", "status"),
                        Map.of("tool", "list_vms"),
                        Map.of("tool", "describe_vm", "arguments", Map.of("vmid_or_name", "999")),
                        Map.of("tool", "scale_vm", "arguments", Map.of("vmid_or_name", "100", "cores", "4")),
                        Map.of("tool", "unlock"),
                        Map.of("tool", "apply")),
                "resources", List.of("proxmox-mpc://project/docs/architecture.md", "proxmox-mpc://plan/last",
                        "proxmox-mpc://project/../.proxmox/secrets.yml"),
                "prompts", List.of(Map.of("name", "rightsize_this_pool", "arguments", Map.of("pool", "production"))));
        JsonNode out = client(steps);

        List<String> tools = names(out.get("tools"));
        assertThat(tools).contains("status", "list_vms", "list_containers", "describe_vm", "plan", "diff", "validate",
                "history", "scale_vm", "create_vm", "delete_container");
        assertThat(tools).as("never tools, and no apply without --allow-apply")
                .doesNotContain("apply", "rollback", "unlock", "restore", "init", "environment", "mcp", "sync");
        JsonNode scaleTool = null;
        for (JsonNode t : out.get("tools")) {
            if (t.get("name").asText().equals("scale_vm")) {
                scaleTool = t;
            }
        }
        assertThat(scaleTool.at("/inputSchema/properties/cores/type").asText()).isEqualTo("string");
        assertThat(scaleTool.at("/inputSchema/required").toString()).contains("vmid_or_name");
        assertThat(scaleTool.at("/annotations/readOnlyHint").asBoolean()).isFalse();

        JsonNode status = call(out, 0);
        assertThat(status.path("isError").asBoolean()).as(status.toString()).isFalse();
        JsonNode expected = p.json("status", "--json");
        for (String field : List.of("environment", "vms", "containers", "templates", "nodes", "lastSync")) {
            assertThat(status.at("/structuredContent/" + field)).as("the same document as status --json: " + field)
                    .isEqualTo(expected.get(field));
        }
        assertThat(status.at("/structuredContent/vms/total").asInt()).isEqualTo(12);

        JsonNode list = call(out, 1);
        assertThat(list.get("structuredContent").toString()).contains("web-01");

        JsonNode missing = call(out, 2);
        assertThat(missing.get("isError").asBoolean()).isTrue();
        String line = missing.at("/content/0/text").asText();
        assertThat(line).doesNotContain("\n").doesNotContain("Exception").contains("999");

        JsonNode scale = call(out, 3);
        assertThat(scale.path("isError").asBoolean()).as(scale.toString()).isFalse();
        assertThat(scale.at("/structuredContent/plan").isMissingNode()).as(scale.toString()).isFalse();
        assertThat(scale.at("/structuredContent/plan").toString()).contains("100");
        JsonNode described = p.json("describe", "vm", "100", "--json");
        assertThat(described.at("/config/cores").asText()).as("the desired state changed").isEqualTo("4");
        JsonNode onServer = new SimulatorApi(sim).get("/nodes/pve1/qemu/100/config");
        assertThat(onServer.path("cores").asText()).as("the server is untouched").isEqualTo("2");

        assertThat(out.get("calls").get(4).toString()).as("unlock is no tool").containsAnyOf("not found", "Unknown tool", "isError");
        assertThat(out.get("calls").get(5).toString()).as("apply is no tool").containsAnyOf("not found", "Unknown tool", "isError");

        JsonNode arch = out.get("resources").get(0).get("result");
        assertThat(arch.at("/contents/0/text").asText()).contains("pve1", "web-01");
        assertThat(out.get("resources").get(1).toString()).contains("100");
        assertThat(out.get("resources").get(2).has("protocolError")).as(out.get("resources").get(2).toString()).isTrue();
        assertThat(names(out.get("resourceList")).toString()).contains("terraform/");
        assertThat(out.get("promptList").toString()).contains("import_my_cluster", "why_did_this_drift");
        assertThat(out.get("prompts").get(0).toString()).contains("production");
        assertThat(out.get("elicitations")).isEmpty();

        String audit = Files.readString(p.dir.resolve(".proxmox/audit.log"));
        assertThat(audit).as("tool calls go through the audit log like typed commands").contains("scale");
    }

    @Test
    @Order(2)
    void withAllowApplyASavedPlanIsAppliedOnlyOnceThePersonConfirms() throws Exception {
        JsonNode declined = client(Map.of("allowApply", true, "elicit", "decline", "calls", List.of(
                Map.of("tool", "plan", "arguments", Map.of("out", "plan.json")),
                Map.of("tool", "apply", "arguments", Map.of("file", "plan.json")))));
        assertThat(names(declined.get("tools"))).contains("apply", "rollback");
        JsonNode applyTool = null;
        for (JsonNode t : declined.get("tools")) {
            if (t.get("name").asText().equals("apply")) {
                applyTool = t;
            }
        }
        assertThat(applyTool.at("/inputSchema/required").toString()).as("a saved plan only").contains("file");
        assertThat(call(declined, 0).path("isError").asBoolean()).as(call(declined, 0).toString()).isFalse();
        assertThat(p.dir.resolve("plan.json")).exists();
        assertThat(call(declined, 1).get("isError").asBoolean()).isTrue();
        assertThat(call(declined, 1).at("/content/0/text").asText()).contains("did not confirm");
        assertThat(declined.get("elicitations")).hasSize(1);
        assertThat(new SimulatorApi(sim).get("/nodes/pve1/qemu/100/config").path("cores").asText()).isEqualTo("2");

        JsonNode unasked = client(Map.of("allowApply", true, "elicit", "none", "calls", List.of(
                Map.of("tool", "apply", "arguments", Map.of("file", "plan.json")))));
        assertThat(call(unasked, 0).at("/content/0/text").asText()).contains("cannot ask the person");

        JsonNode accepted = client(Map.of("allowApply", true, "elicit", "accept", "calls", List.of(
                Map.of("tool", "apply", "arguments", Map.of("file", "plan.json")),
                Map.of("tool", "apply", "arguments", Map.of("file", "plan.json")))));
        assertThat(accepted.get("elicitations").get(0).path("message").asText()).contains("apply plan.json");
        JsonNode applied = call(accepted, 0);
        assertThat(applied.path("isError").asBoolean()).as(applied.toString()).isFalse();
        assertThat(new SimulatorApi(sim).get("/nodes/pve1/qemu/100/config").path("cores").asText()).isEqualTo("4");
        assertThat(call(accepted, 1).get("isError").asBoolean()).as("the same plan is applied once only").isTrue();
        assertThat(p.run("plan", "--detailed-exitcode").exitCode()).as("nothing left to do").isZero();
    }
}
