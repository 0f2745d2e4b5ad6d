package dev.proxmoxmpc.plugin.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** PVE 9's {@code /cluster/ha/rules} over the demo's two rules, and {@code /cluster/ha/groups} as PVE 9 answers it. */
class HaRulesTest {
    private final SimulatorServer server = SimulatorServer.start(SimulatorOptions.builder().scenario("demo").taskDurationMs(20).build());
    private final PveHttp http = new PveHttp(server);

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void theDemoHasANodeAndAResourceAffinityRule() {
        JsonNode rules = http.get("/cluster/ha/rules").data();
        assertThat(rules.findValuesAsText("rule")).containsExactly("proxy-on-pve3", "web-proxy-apart");
        JsonNode node = rules.get(0);
        assertThat(node.get("type").asText()).isEqualTo("node-affinity");
        assertThat(node.get("resources").asText()).isEqualTo("ct:202");
        assertThat(node.get("nodes").asText()).isEqualTo("pve3");
        assertThat(node.get("order").asInt()).isEqualTo(1);
        assertThat(node.get("digest").asText()).hasSize(40);
        assertThat(node.has("errors")).isFalse();
        JsonNode apart = http.get("/cluster/ha/rules/web-proxy-apart").data();
        assertThat(apart.get("affinity").asText()).isEqualTo("negative");
        assertThat(apart.get("resources").asText()).as("sorted, as PVE writes them").isEqualTo("ct:202,vm:101");
        assertThat(http.get("/cluster/ha/rules?type=node-affinity").data().findValuesAsText("rule")).containsExactly("proxy-on-pve3");
        assertThat(http.get("/cluster/ha/rules?resource=vm:101").data().findValuesAsText("rule")).containsExactly("web-proxy-apart");
    }

    @Test
    void createsUpdatesAndDeletesARule() {
        assertThat(http.post("/cluster/ha/rules", PveHttp.form("rule", "web-02-nodes", "type", "node-affinity",
                "resources", "vm:101", "nodes", "pve2:1,pve1:1", "strict", "1")).status()).isEqualTo(200);
        JsonNode r = http.get("/cluster/ha/rules/web-02-nodes").data();
        assertThat(r.get("nodes").asText()).isEqualTo("pve1:1,pve2:1");
        assertThat(r.get("strict").asInt()).isEqualTo(1);
        assertThat(r.get("order").asInt()).isEqualTo(3);
        assertThat(http.put("/cluster/ha/rules/web-02-nodes", PveHttp.form("type", "node-affinity", "nodes", "pve2",
                "delete", "strict", "comment", "pinned")).status()).isEqualTo(200);
        r = http.get("/cluster/ha/rules/web-02-nodes").data();
        assertThat(r.get("nodes").asText()).isEqualTo("pve2");
        assertThat(r.has("strict")).isFalse();
        assertThat(r.get("comment").asText()).isEqualTo("pinned");
        assertThat(http.delete("/cluster/ha/rules/web-02-nodes").status()).isEqualTo(200);
        assertThat(http.get("/cluster/ha/rules/web-02-nodes").message()).contains("no such ha rule 'web-02-nodes'");
    }

    @Test
    void refusesWhatPveRefuses() {
        assertThat(http.post("/cluster/ha/rules", PveHttp.form("rule", "x", "type", "node-affinity", "resources", "vm:100",
                "nodes", "pve1")).message()).isEqualTo("create ha rule failed: cannot use unmanaged resource(s) vm:100.\n");
        assertThat(http.post("/cluster/ha/rules", PveHttp.form("rule", "x", "type", "node-affinity", "resources", "vm:101",
                "nodes", "pve9")).message()).contains("cannot use non-existant node(s) pve9.");
        assertThat(http.post("/cluster/ha/rules", PveHttp.form("rule", "x", "type", "resource-affinity", "resources", "vm:101",
                "affinity", "negative", "strict", "1")).message()).contains("unexpected property 'strict'");
        assertThat(http.post("/cluster/ha/rules", PveHttp.form("rule", "x", "type", "resource-affinity", "resources", "vm:101"))
                .message()).contains("missing value for required option 'affinity'");
        PveHttp.Response lonely = http.post("/cluster/ha/rules", PveHttp.form("rule", "x", "type", "resource-affinity",
                "resources", "vm:101", "affinity", "positive"));
        assertThat(lonely.message()).contains("Rule 'x' is invalid.").contains("less than two resources");
        assertThat(http.post("/cluster/ha/rules", PveHttp.form("rule", "x", "type", "node-affinity", "resources", "ct:202",
                "nodes", "pve1")).message()).contains("resource 'ct:202' is already used in another node affinity rule");
        assertThat(http.post("/cluster/ha/rules", PveHttp.form("rule", "proxy-on-pve3", "type", "node-affinity",
                "resources", "vm:101", "nodes", "pve1")).message()).contains("HA rule 'proxy-on-pve3' already defined");
        assertThat(http.put("/cluster/ha/rules/proxy-on-pve3", PveHttp.form("nodes", "pve2")).status())
                .as("PUT needs the type").isEqualTo(400);
        assertThat(http.put("/cluster/ha/rules/nope", PveHttp.form("type", "node-affinity", "nodes", "pve2")).message())
                .isEqualTo("update HA rules failed: HA rule 'nope' does not exist\n");
        assertThat(http.put("/cluster/ha/rules/proxy-on-pve3", PveHttp.form("type", "node-affinity", "delete", "nodes")).message())
                .contains("unable to delete required option 'nodes'");
        assertThat(http.put("/cluster/ha/rules/proxy-on-pve3", PveHttp.form("type", "node-affinity", "comment", "x",
                "digest", "0000000000000000000000000000000000000000")).message()).contains("detected modified configuration");
    }

    @Test
    void aResourceInAnAffinityRuleTakesOnlyOnePriorityOfNodes() {
        assertThat(http.post("/cluster/ha/rules", PveHttp.form("rule", "x", "type", "node-affinity", "resources", "vm:101",
                "nodes", "pve2:2,pve1")).message()).contains("cannot be in a node affinity rule with multiple priorities");
    }

    @Test
    void removingAResourcePurgesItFromTheRules() {
        assertThat(http.delete("/cluster/ha/resources/ct:202").status()).isEqualTo(200);
        JsonNode rules = http.get("/cluster/ha/rules").data();
        assertThat(rules.findValuesAsText("rule")).as("the node rule had only ct:202").containsExactly("web-proxy-apart");
        assertThat(rules.get(0).get("resources").asText()).isEqualTo("vm:101");
        assertThat(rules.get(0).get("errors").get("resources").asText()).contains("less than two resources");
    }

    @Test
    void groupsAreGoneOnPve9AndWritesNeedSysConsole() {
        assertThat(http.get("/cluster/ha/groups").data()).isEmpty();
        assertThat(http.get("/cluster/ha/groups/prefer-pve1").message()).contains("no such ha group 'prefer-pve1'");
        PveHttp auditor = new PveHttp(server).token(server.addToken("root@pam", "audit", java.util.Set.of("Sys.Audit")));
        assertThat(auditor.get("/cluster/ha/rules").status()).isEqualTo(200);
        assertThat(auditor.delete("/cluster/ha/rules/proxy-on-pve3").message()).isEqualTo("Permission check failed (/, Sys.Console)\n");
    }
}
