package dev.proxmoxmpc.plugin.simulator;

import static dev.proxmoxmpc.plugin.simulator.PveHttp.form;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code PUT /pools} and {@code DELETE /pools}: members, comments, moves between pools, non-empty pools, privileges. */
class PoolMembershipTest {
    private final SimulatorServer server = SimulatorServer.start(SimulatorOptions.builder().scenario("demo").taskDurationMs(20).build());
    private final PveHttp http = new PveHttp(server);

    @AfterEach
    void stop() {
        server.close();
    }

    private String poolOf(int vmid) {
        for (JsonNode r : http.get("/cluster/resources?type=vm").data()) {
            if (r.get("vmid").asInt() == vmid) {
                return r.path("pool").asText();
            }
        }
        throw new AssertionError("no guest " + vmid);
    }

    private JsonNode members(String pool) {
        return http.get("/pools?poolid=" + pool).data().get(0).get("members");
    }

    private static void assertFailed(PveHttp.Response r, String message) {
        assertThat(r.status()).as(r.body()).isEqualTo(500);
        assertThat(r.message()).isEqualTo(message + "\n");
    }

    @Test
    void guestsAndStoragesJoinAndLeaveAndTheCommentChanges() {
        assertThat(http.post("/pools", form("poolid", "lab", "comment", "Lab")).status()).isEqualTo(200);
        assertThat(http.put("/pools", form("poolid", "lab", "vms", "106,107", "storage", "local", "comment", "Lab guests")).status())
                .isEqualTo(200);
        assertThat(poolOf(106)).isEqualTo("lab");
        assertThat(members("lab").findValuesAsText("id")).containsExactly("qemu/106", "qemu/107", "storage/pve1/local");
        assertThat(http.get("/pools/lab?type=storage").data().get("members")).hasSize(1);
        assertThat(http.get("/pools/lab").data().get("comment").asText()).isEqualTo("Lab guests");

        assertThat(http.put("/pools/lab", form("vms", "107", "storage", "local", "delete", 1, "comment", "")).status()).isEqualTo(200);
        assertThat(poolOf(107)).isEmpty();
        assertThat(members("lab").findValuesAsText("id")).containsExactly("qemu/106");
        assertThat(http.get("/pools/lab").data().has("comment")).as("an empty comment is no comment").isFalse();
    }

    @Test
    void aGuestMovesFromAnotherPoolOnlyWithAllowMove() {
        http.post("/pools", form("poolid", "lab"));
        assertFailed(http.put("/pools", form("poolid", "lab", "vms", "100")),
                "update pools failed: VM 100 belongs already to pool 'production' and 'allow-move' is not set");
        assertThat(poolOf(100)).isEqualTo("production");
        assertThat(http.put("/pools", form("poolid", "lab", "vms", "100", "allow-move", 1)).status()).isEqualTo(200);
        assertThat(poolOf(100)).isEqualTo("lab");
        assertThat(members("production").findValuesAsText("vmid")).doesNotContain("100");
    }

    @Test
    void aFailedUpdateChangesNothing() {
        http.post("/pools", form("poolid", "lab"));
        assertFailed(http.put("/pools", form("poolid", "lab", "vms", "106,100", "comment", "x")),
                "update pools failed: VM 100 belongs already to pool 'production' and 'allow-move' is not set");
        assertThat(poolOf(106)).isEmpty();
        assertThat(http.get("/pools/lab").data().has("comment")).isFalse();
        http.put("/pools", form("poolid", "lab", "vms", "106"));
        assertFailed(http.put("/pools", form("poolid", "lab", "vms", "106")), "update pools failed: VM 106 is already a pool member");
        assertFailed(http.put("/pools", form("poolid", "lab", "vms", "107", "delete", 1)), "update pools failed: VM 107 is not a pool member");
        assertFailed(http.put("/pools", form("poolid", "lab", "storage", "local", "delete", 1)),
                "update pools failed: Storage 'local' is not a pool member");
        assertFailed(http.put("/pools", form("poolid", "nope", "comment", "x")), "update pools failed: pool 'nope' does not exist");
        assertFailed(http.post("/pools", form("poolid", "lab")), "create pool failed: pool 'lab' already exists");
    }

    @Test
    void onlyAPoolWithoutExistingMembersCanBeDeleted() {
        assertFailed(http.delete("/pools?poolid=production"), "delete pool failed: pool 'production' is not empty (contains VM 100)");
        http.post("/pools", form("poolid", "lab"));
        http.put("/pools", form("poolid", "lab", "storage", "local"));
        assertFailed(http.delete("/pools/lab"), "delete pool failed: pool 'lab' is not empty (contains storage 'local')");
        http.put("/pools", form("poolid", "lab", "storage", "local", "delete", 1));
        http.put("/pools", form("poolid", "lab", "vms", "999"));
        assertThat(http.delete("/pools?poolid=lab").status()).as("a guest that does not exist does not count").isEqualTo(200);
        assertThat(http.get("/pools").data().findValuesAsText("poolid")).containsExactly("production");
        assertFailed(http.delete("/pools/lab"), "delete pool failed: pool 'lab' does not exist");
        assertThat(http.get("/cluster/resources").data().findValuesAsText("pool")).doesNotContain("lab");
    }

    @Test
    void writesNeedPoolAllocateAndMembersTheRightToModifyThem() {
        http.post("/pools", form("poolid", "lab"));
        PveHttp audit = new PveHttp(server).token(server.addToken("root@pam", "audit", Set.of("Pool.Audit")));
        for (PveHttp.Response r : List.of(audit.put("/pools", form("poolid", "lab", "comment", "x")),
                audit.delete("/pools?poolid=lab"), audit.put("/pools/lab", form("comment", "x")))) {
            assertThat(r.status()).isEqualTo(403);
            assertThat(r.message()).isEqualTo("Permission check failed (/pool/lab, Pool.Allocate)\n");
        }
        PveHttp pools = new PveHttp(server).token(server.addToken("root@pam", "pools", Set.of("Pool.Allocate", "Pool.Audit")));
        assertFailed(pools.put("/pools", form("poolid", "lab", "vms", "106")),
                "update pools failed: Permission check failed (/vms/106, Permissions.Modify|VM.Allocate)");
        PveHttp vms = new PveHttp(server).token(server.addToken("root@pam", "vms", Set.of("Pool.Allocate", "VM.Allocate")));
        assertThat(vms.put("/pools", form("poolid", "lab", "vms", "106")).status()).isEqualTo(200);
    }
}
