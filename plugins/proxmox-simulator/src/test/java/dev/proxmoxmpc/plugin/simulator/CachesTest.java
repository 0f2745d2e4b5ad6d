package dev.proxmoxmpc.plugin.simulator;

import static dev.proxmoxmpc.plugin.simulator.PveHttp.form;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proxmoxmpc.plugin.simulator.auth.AccessControl;
import dev.proxmoxmpc.plugin.simulator.http.Router;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the simulator remembers between requests (evaluated privileges, the bridges' subnets parsed from a node's
 * interfaces file, the route index) never outlives the state it was made from: every write is seen by the next
 * request.
 */
class CachesTest {
    private static final List<String> NONE = List.of();

    @Test
    void evaluatedPrivilegesFollowEveryWriteOfTheAccessConfiguration() {
        AccessControl access = new AccessControl();
        Map<String, String> pools = new HashMap<>();
        access.poolResolver(pools::get);
        access.createUser("bob@pve", Map.of());
        assertThat(access.privileges("bob@pve", "", "/vms/100")).isEmpty();

        access.updateAcl("/vms", List.of("PVEAuditor"), List.of("bob@pve"), NONE, NONE, true, false);
        assertThat(access.privileges("bob@pve", "", "/vms/100")).contains("VM.Audit").doesNotContain("VM.PowerMgmt");

        access.createRole("Power", "VM.PowerMgmt");
        access.createGroup("ops", "");
        access.updateAcl("/vms/100", List.of("Power"), NONE, List.of("ops"), NONE, true, false);
        assertThat(access.privileges("bob@pve", "", "/vms/100")).doesNotContain("VM.PowerMgmt");
        access.updateUser("bob@pve", Map.of("groups", "ops"), false);
        assertThat(access.privileges("bob@pve", "", "/vms/100")).as("the group's entry on the deeper path")
                .containsExactly("VM.PowerMgmt");
        access.updateRole("Power", "VM.Console", true);
        assertThat(access.privileges("bob@pve", "", "/vms/100")).containsExactlyInAnyOrder("VM.PowerMgmt", "VM.Console");

        access.createToken("bob@pve", "ci", Map.of("privsep", "1"), "s");
        assertThat(access.privileges("bob@pve", "ci", "/vms/100")).isEmpty();
        access.updateToken("bob@pve", "ci", Map.of("privsep", "0"), NONE, false);
        assertThat(access.privileges("bob@pve", "ci", "/vms/100")).containsExactlyInAnyOrder("VM.PowerMgmt", "VM.Console");

        access.createRole("Allocate", "VM.Allocate");
        access.updateAcl("/pool/prod", List.of("Allocate"), List.of("bob@pve"), NONE, NONE, true, false);
        assertThat(access.privileges("bob@pve", "", "/vms/100")).doesNotContain("VM.Allocate");
        pools.put("/vms/100", "prod");
        assertThat(access.privileges("bob@pve", "", "/vms/100")).as("a pool membership change needs no write here")
                .contains("VM.Allocate");

        access.updateUser("bob@pve", Map.of("enable", "0"), false);
        assertThat(access.privileges("bob@pve", "", "/vms/100")).isEmpty();
        access.updateUser("bob@pve", Map.of("enable", "1"), false);
        access.deleteRole("Power");
        assertThat(access.privileges("bob@pve", "", "/vms/100")).contains("VM.Allocate", "VM.Audit")
                .doesNotContain("VM.PowerMgmt");
        access.deleteUser("bob@pve");
        assertThat(access.privileges("bob@pve", "", "/vms/100")).isEmpty();
    }

    @Test
    void anAclChangeOverHttpTakesEffectOnTheNextRequest() {
        try (SimulatorServer server = SimulatorServer.start(SimulatorOptions.builder().scenario("demo").build())) {
            PveHttp root = new PveHttp(server);
            root.post("/access/users", form("userid", "eve@pve", "password", "eve-secret-1"));
            PveHttp eve = new PveHttp(server).ticket("eve@pve", "eve-secret-1", true);
            assertThat(eve.get("/nodes/pve1/qemu/100/config").status()).isEqualTo(403);
            assertThat(root.put("/access/acl", form("path", "/vms/100", "roles", "PVEAuditor", "users", "eve@pve")).status())
                    .isEqualTo(200);
            assertThat(eve.get("/nodes/pve1/qemu/100/config").status()).isEqualTo(200);
            assertThat(root.put("/access/acl", form("path", "/vms/100", "roles", "PVEAuditor", "users", "eve@pve",
                    "delete", 1)).status()).isEqualTo(200);
            assertThat(eve.get("/nodes/pve1/qemu/100/config").status()).isEqualTo(403);
        }
    }

    @Test
    void aChangedBridgeSubnetChangesTheNextLease() {
        try (SimulatorServer server = SimulatorServer.start(SimulatorOptions.builder().scenario("demo").taskDurationMs(20).build())) {
            PveHttp http = new PveHttp(server);
            String agent = "/nodes/pve3/qemu/108/agent/network-get-interfaces";
            assertThat(lease(http.get(agent).data())).isEqualTo("10.0.0.236");
            http.put("/nodes/pve3/network/vmbr0", form("type", "bridge", "cidr", "10.7.0.1/24"));
            assertThat(lease(http.get(agent).data())).as("staged, not running yet").isEqualTo("10.0.0.236");
            assertThat(http.waitTask(http.put("/nodes/pve3/network", Map.of()).data().asText()).get("exitstatus").asText())
                    .isEqualTo("OK");
            assertThat(lease(http.get(agent).data())).isEqualTo("10.7.0.236");
        }
    }

    private static String lease(JsonNode data) {
        return data.get("result").get(1).get("ip-addresses").get(0).get("ip-address").asText();
    }

    @Test
    void theRouteIndexFindsTheFirstRegisteredMatchLikeALinearSearch() {
        Router router = new Router()
                .get("/nodes/{node}/status", req -> "variable")
                .get("/nodes/pve1/status", req -> "literal")
                .get("/nodes/pve1/tasks", req -> "tasks")
                .post("/nodes/{node}/status", req -> "post");
        assertThat(router.find("GET", List.of("nodes", "pve1", "status")).route().template()).isEqualTo("/nodes/{node}/status");
        assertThat(router.find("GET", List.of("nodes", "pve1", "status")).vars()).containsExactly(Map.entry("node", "pve1"));
        assertThat(router.find("GET", List.of("nodes", "pve1", "tasks")).vars()).isEmpty();
        assertThat(router.find("POST", List.of("nodes", "x", "status")).route().method()).isEqualTo("POST");
        assertThat(router.find("GET", List.of("nodes", "", "status"))).as("an empty variable segment").isNull();
        assertThat(router.find("GET", List.of("nodes", "pve1"))).isNull();
        assertThat(router.find("DELETE", List.of("nodes", "pve1", "status"))).isNull();
    }
}
