package dev.proxmoxmpc.plugin.simulator;

import static dev.proxmoxmpc.plugin.simulator.PveHttp.form;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The access configuration: users, tokens, groups, roles and the ACL over the API, PVE's errors, and that the
 * privileges the simulator enforces follow them (ACL paths, propagation, pools, separated tokens).
 */
class AccessConfigTest {
    private final SimulatorServer server = SimulatorServer.start(SimulatorOptions.builder().scenario("demo").taskDurationMs(20).build());
    private final PveHttp http = new PveHttp(server);

    @AfterEach
    void stop() {
        server.close();
    }

    private static void assertFailed(PveHttp.Response r, String message) {
        assertThat(r.status()).as(r.body()).isEqualTo(500);
        assertThat(r.message()).isEqualTo(message + "\n");
    }

    private ApiToken regenerate(String userid, String name) {
        PveHttp.Response r = http.put("/access/users/" + userid + "/token/" + name, form("regenerate", 1));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return new ApiToken(userid + "!" + name, r.data().get("value").asText());
    }

    private String config(int vmid) {
        for (JsonNode g : http.get("/cluster/resources?type=vm").data()) {
            if (g.get("vmid").asInt() == vmid) {
                return "/nodes/" + g.get("node").asText() + "/" + g.get("type").asText() + "/" + vmid + "/config";
            }
        }
        throw new AssertionError("no guest " + vmid);
    }

    @Test
    void theDemoListsItsUsersTokensGroupsRolesAndAcl() {
        JsonNode users = http.get("/access/users?full=1").data();
        assertThat(users.findValuesAsText("userid")).containsExactly("alice@pve", "ci@pve", "root@pam");
        JsonNode alice = users.get(0);
        assertThat(alice.get("groups").asText()).isEqualTo("ops");
        assertThat(alice.get("enable").asInt()).isEqualTo(1);
        assertThat(alice.get("expire").asInt()).isZero();
        assertThat(alice.get("email").asText()).isEqualTo("alice@example.com");
        assertThat(users.get(1).get("tokens").get(0).get("tokenid").asText()).isEqualTo("deploy");
        assertThat(users.get(1).get("tokens").get(0).get("privsep").asInt()).isEqualTo(1);
        assertThat(users.get(2).get("tokens").get(0).get("tokenid").asText()).isEqualTo("mpc");
        assertThat(users.get(2).get("tokens").get(0).get("privsep").asInt()).isZero();
        assertThat(users.get(2).get("tokens").get(0).has("value")).as("never a secret in a listing").isFalse();
        assertThat(http.get("/access/users").data().get(0).has("tokens")).isFalse();

        assertThat(http.get("/access/groups").data().get(0).get("users").asText()).isEqualTo("alice@pve");
        assertThat(http.get("/access/groups/ops").data().get("members").get(0).asText()).isEqualTo("alice@pve");
        JsonNode roles = http.get("/access/roles").data();
        assertThat(roles.findValuesAsText("roleid")).contains("Administrator", "PVEVMAdmin", "VMOperator");
        for (JsonNode r : roles) {
            assertThat(r.has("special")).as(r.toString()).isEqualTo(!r.get("roleid").asText().equals("VMOperator"));
        }
        assertThat(http.get("/access/roles/VMOperator").data().has("VM.PowerMgmt")).isTrue();
        JsonNode acl = http.get("/access/acl").data();
        assertThat(acl).hasSize(4);
        assertThat(acl.get(0).get("path").asText()).isEqualTo("/");
        assertThat(acl.findValuesAsText("ugid")).contains("ops", "ci@pve!deploy", "alice@pve");
    }

    @Test
    void usersGroupsRolesAndTokensAreCreatedChangedAndDeleted() {
        assertThat(http.post("/access/groups", form("groupid", "dev", "comment", "Developers")).status()).isEqualTo(200);
        assertFailed(http.post("/access/groups", form("groupid", "dev")), "create group failed: group 'dev' already exists");
        assertThat(http.post("/access/users", form("userid", "bob@pve", "groups", "dev,ops", "firstname", "Bob")).status()).isEqualTo(200);
        assertFailed(http.post("/access/users", form("userid", "bob@pve")), "create user failed: user 'bob@pve' already exists");
        assertFailed(http.post("/access/users", form("userid", "eve@pve", "groups", "nope")), "create user failed: no such group 'nope'");
        assertThat(http.put("/access/users/bob@pve", form("groups", "dev", "firstname", "", "enable", 0)).status()).isEqualTo(200);
        JsonNode bob = http.get("/access/users/bob@pve").data();
        assertThat(bob.get("groups").toString()).isEqualTo("[\"dev\"]");
        assertThat(bob.has("firstname")).isFalse();
        assertThat(bob.get("enable").asInt()).isZero();

        assertThat(http.post("/access/roles", form("roleid", "Auditor2", "privs", "VM.Audit,Sys.Audit")).status()).isEqualTo(200);
        assertFailed(http.post("/access/roles", form("roleid", "Bad", "privs", "VM.Fly")), "create role failed: invalid privilege 'VM.Fly'");
        assertFailed(http.put("/access/roles/PVEAdmin", form("privs", "VM.Audit")), "update role failed: cannot modify role 'PVEAdmin'");
        assertFailed(http.delete("/access/roles/PVEAdmin"), "delete role failed: cannot delete role 'PVEAdmin'");
        assertThat(http.put("/access/roles/Auditor2", form("privs", "Datastore.Audit", "append", 1)).status()).isEqualTo(200);
        assertThat(http.get("/access/roles").data().findValues("privs").stream().map(JsonNode::asText))
                .contains("Datastore.Audit,Sys.Audit,VM.Audit");

        PveHttp.Response created = http.post("/access/users/bob@pve/token/ci", form("comment", "CI", "privsep", 0));
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        assertThat(created.data().get("full-tokenid").asText()).isEqualTo("bob@pve!ci");
        assertThat(created.data().get("value").asText()).isNotBlank();
        assertThat(created.data().get("info").get("privsep").asInt()).isZero();
        assertFailed(http.post("/access/users/bob@pve/token/ci", form()), "Token already exists.");
        assertThat(http.put("/access/users/bob@pve/token/ci", form("delete", "comment", "privsep", 1)).data().has("comment")).isFalse();
        assertThat(http.get("/access/users/bob@pve/token/ci").data().get("privsep").asInt()).isEqualTo(1);
        assertThat(http.put("/access/acl", form("path", "/vms/100", "roles", "Auditor2", "tokens", "bob@pve!ci", "propagate", 0)).status())
                .isEqualTo(200);
        assertFailed(http.put("/access/acl", form("path", "/vms/x", "roles", "Auditor2", "users", "bob@pve")), "invalid ACL path '/vms/x'");
        assertFailed(http.put("/access/acl", form("path", "/", "roles", "Nope", "users", "bob@pve")), "role 'Nope' does not exist");
        assertFailed(http.put("/access/acl", form("path", "/", "roles", "PVEAuditor", "users", "zed@pve")), "user 'zed@pve' does not exist");

        assertThat(http.delete("/access/users/bob@pve/token/ci").status()).isEqualTo(200);
        assertThat(http.get("/access/acl").data().findValuesAsText("ugid")).doesNotContain("bob@pve!ci");
        assertFailed(http.get("/access/users/bob@pve/token/ci"), "no such token 'ci' for user 'bob@pve'");
        assertThat(http.delete("/access/roles/Auditor2").status()).isEqualTo(200);
        assertThat(http.delete("/access/users/bob@pve").status()).isEqualTo(200);
        assertThat(http.delete("/access/groups/dev").status()).isEqualTo(200);
        assertFailed(http.delete("/access/users/bob@pve"), "delete user failed: no such user ('bob@pve')");
        assertThat(http.get("/access/groups").data().findValuesAsText("groupid")).containsExactly("ops");
    }

    @Test
    void aSeparatedTokenHoldsWhatBothItsUserAndItsAclGiveAndFollowsChangesAtOnce() {
        PveHttp ci = new PveHttp(server).token(regenerate("ci@pve", "deploy"));
        String snapshot = "/nodes/pve1/qemu/100/snapshot";
        PveHttp.Response refused = ci.post(snapshot, form("snapname", "before"));
        assertThat(refused.status()).as(refused.body()).isEqualTo(403);
        assertThat(refused.message()).contains("(/vms/100, VM.Snapshot)");
        assertThat(ci.get("/nodes/pve1/qemu/100/config").status()).as("VMOperator has VM.Audit").isEqualTo(200);

        assertThat(http.put("/access/roles/VMOperator", form("privs", "VM.Snapshot", "append", 1)).status()).isEqualTo(200);
        PveHttp.Response allowed = ci.post(snapshot, form("snapname", "before"));
        assertThat(allowed.status()).as(allowed.body()).isEqualTo(200);

        assertThat(http.put("/access/acl", form("path", "/vms/100", "roles", "NoAccess", "tokens", "ci@pve!deploy")).status()).isEqualTo(200);
        assertThat(ci.get("/nodes/pve1/qemu/100/config").status()).as("NoAccess on the guest wins").isEqualTo(403);
        assertThat(ci.get(config(101)).status()).isEqualTo(200);

        assertThat(http.put("/access/users/ci@pve/token/deploy", form("privsep", 0)).status()).isEqualTo(200);
        assertThat(ci.get("/nodes/pve1/qemu/100/config").status()).as("privsep=0: the user's PVEVMAdmin on /").isEqualTo(200);
        assertThat(http.put("/access/users/ci@pve", form("enable", 0)).status()).isEqualTo(200);
        assertThat(ci.get(config(101)).status()).as("a disabled user's tokens do not authenticate").isEqualTo(401);
    }

    @Test
    void aPoolAclCoversItsGuestsOnlyAndANonPropagatingEntryOnlyItsPath() {
        assertThat(http.post("/access/users", form("userid", "carol@pve", "password", "carol-secret-1")).status()).isEqualTo(200);
        assertThat(http.put("/access/users/carol@pve", form("groups", "ops")).status()).isEqualTo(200);
        PveHttp carol = new PveHttp(server).ticket("carol@pve", "carol-secret-1", true);
        assertThat(carol.get("/nodes/pve1/qemu/100/config").status()).as("VM 100 is in pool production").isEqualTo(200);
        JsonNode outside = http.get("/cluster/resources?type=vm").data();
        int other = -1;
        for (JsonNode g : outside) {
            if (g.path("pool").asText().isEmpty()) {
                other = g.get("vmid").asInt();
                assertThat(carol.get("/nodes/" + g.get("node").asText() + "/" + g.get("type").asText() + "/" + other + "/config").status())
                        .isEqualTo(403);
                break;
            }
        }
        assertThat(other).isPositive();
        JsonNode perms = carol.get("/access/permissions").data();
        assertThat(perms.has("/pool/production")).isTrue();
        assertThat(perms.has("/")).as("nothing on /").isFalse();
    }

    @Test
    void writesNeedThePrivilegesPveChecks() {
        PveHttp auditor = new PveHttp(server).token(server.addToken("audit@pve", "ro", dev.proxmoxmpc.plugin.simulator.auth.Privileges.AUDITOR));
        assertThat(auditor.post("/access/roles", form("roleid", "X")).status()).isEqualTo(403);
        assertThat(auditor.post("/access/groups", form("groupid", "x")).status()).isEqualTo(403);
        assertThat(auditor.post("/access/users", form("userid", "x@pve")).status()).isEqualTo(403);
        assertThat(auditor.put("/access/acl", form("path", "/", "roles", "PVEAuditor", "users", "alice@pve")).status()).isEqualTo(403);
        assertThat(auditor.post("/access/users/alice@pve/token/tk", form()).status()).isEqualTo(403);
        assertThat(auditor.get("/access/acl").data()).as("only entries it may modify").isEmpty();
        assertThat(auditor.get("/access/users").data()).as("Sys.Audit on /access/groups").hasSize(3);
    }
}
