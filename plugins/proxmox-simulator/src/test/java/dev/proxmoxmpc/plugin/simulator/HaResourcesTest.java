package dev.proxmoxmpc.plugin.simulator;

import static dev.proxmoxmpc.plugin.simulator.PveHttp.form;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /cluster/ha/resources} on the demo (VM 101 and container 202 are HA-managed): listing with the file's
 * digest, reading by sid or bare VMID, creating, updating with {@code digest} and {@code delete}, deleting, the
 * refusals pve-ha-manager answers, {@code hastate} and {@code ha} in the guest views, privileges.
 */
class HaResourcesTest {
    private static final String HA = "/cluster/ha/resources";

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

    private JsonNode row(int vmid) {
        for (JsonNode r : http.get("/cluster/resources?type=vm").data()) {
            if (r.get("vmid").asInt() == vmid) {
                return r;
            }
        }
        throw new AssertionError("no guest " + vmid);
    }

    @Test
    void listsTheDemoResourcesWithTheDigestOfTheFileAndFiltersByType() {
        JsonNode all = http.get(HA).data();
        assertThat(all.findValuesAsText("sid")).containsExactly("ct:202", "vm:101");
        JsonNode web = all.get(1);
        assertThat(web.get("type").asText()).isEqualTo("vm");
        assertThat(web.get("state").asText()).isEqualTo("started");
        assertThat(web.get("comment").asText()).startsWith("Second web server");
        assertThat(web.get("digest").asText()).matches("[0-9a-f]{40}").isEqualTo(all.get(0).get("digest").asText());
        assertThat(http.get(HA + "?type=ct").data().findValuesAsText("sid")).containsExactly("ct:202");
        assertThat(http.get(HA + "/vm:101").data()).isEqualTo(web);
        assertThat(http.get(HA + "/101").data()).as("a bare VMID finds its type").isEqualTo(web);
    }

    @Test
    void showsTheHaStateInTheGuestViewsOfManagedGuestsOnly() {
        assertThat(row(101).get("hastate").asText()).isEqualTo("started");
        assertThat(row(202).get("hastate").asText()).isEqualTo("started");
        assertThat(row(100).has("hastate")).isFalse();
        JsonNode ha = http.get("/nodes/pve2/qemu/101/status/current").data().get("ha");
        assertThat(ha.get("managed").asInt()).isEqualTo(1);
        assertThat(ha.get("state").asText()).isEqualTo("started");
        assertThat(ha.has("group")).isTrue();
        assertThat(http.get("/nodes/pve1/qemu/100/status/current").data().get("ha").toString()).isEqualTo("{\"managed\":0}");
        assertThat(http.get("/nodes/pve3/lxc/202/status/current").data().get("ha").get("managed").asInt()).isEqualTo(1);
    }

    @Test
    void createsUpdatesAndDeletesAResource() {
        assertThat(http.post(HA, form("sid", "100", "comment", "web", "max_restart", 3)).status()).isEqualTo(200);
        JsonNode created = http.get(HA + "/vm:100").data();
        assertThat(created.has("state")).as("only what was given is written").isFalse();
        assertThat(created.get("max_restart").asInt()).isEqualTo(3);
        assertThat(row(100).get("hastate").asText()).isEqualTo("started");

        String digest = created.get("digest").asText();
        assertThat(http.put(HA + "/vm:100", form("digest", digest, "comment", "web tier", "delete", "max_restart")).status())
                .isEqualTo(200);
        JsonNode updated = http.get(HA + "/vm:100").data();
        assertThat(updated.get("comment").asText()).isEqualTo("web tier");
        assertThat(updated.has("max_restart")).isFalse();
        assertThat(updated.get("digest").asText()).isNotEqualTo(digest);
        assertFailed(http.put(HA + "/vm:100", form("digest", digest, "comment", "x")),
                "update resources config failed: detected modified configuration - file changed by other user? Try again.");

        assertThat(http.delete(HA + "/vm:100").status()).isEqualTo(200);
        assertThat(row(100).has("hastate")).isFalse();
        assertFailed(http.delete(HA + "/vm:100"), "cannot delete service 'vm:100', not HA managed!");
    }

    @Test
    void refusesWhatPveHaManagerRefuses() {
        assertFailed(http.post(HA, form("sid", "vm:101")), "create resource failed: resource ID 'vm:101' already defined");
        assertFailed(http.post(HA, form("sid", "vm:999")), "resource 'vm:999' does not exist in cluster");
        assertFailed(http.post(HA, form("sid", "ct:100")), "resource 'ct:100' - guest with ID 100 is not a container");
        assertFailed(http.post(HA, form("sid", "vm:200")), "resource 'vm:200' - guest with ID 200 is not a VM");
        assertFailed(http.post(HA, form("sid", "vm:01")), "invalid VMID");
        assertFailed(http.post(HA, form("sid", "vm:100", "type", "ct")), "types does not match");
        assertFailed(http.post(HA, form("sid", "999")), "unable do detect SID from VMID - VM/CT 999 does not exist");
        assertFailed(http.get(HA + "/vm:100"), "no such resource 'vm:100'");
        assertFailed(http.put(HA + "/vm:100", form("comment", "x")), "update resources config failed: no such resource 'vm:100'");
        assertFailed(http.put(HA + "/vm:101", form("delete", "colour")), "update resources config failed: no such option 'colour'");
        assertFailed(http.put(HA + "/vm:101", form("group", "web")), "HA group 'web' does not exist");
        PveHttp.Response bad = http.post(HA, form("sid", "VM-101"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").get("sid").asText()).isEqualTo("invalid format - value does not look like a valid ha resource id");
        assertThat(http.post(HA, form("sid", "vm:100", "state", "on")).json().get("errors").get("state").asText())
                .startsWith("value 'on' does not have a value in the enumeration 'started, stopped, enabled, disabled, ignored'");
        assertThat(http.get(HA).data()).hasSize(2);
    }

    @Test
    void aGuestCreatedHaManagedGetsAResourceInTheStateItWasLeftIn() {
        assertThat(http.runTask(http.post("/nodes/pve1/qemu", form("vmid", 130, "ha-managed", 1, "start", 1)))).isEqualTo("OK");
        assertThat(http.runTask(http.post("/nodes/pve1/lxc", form("vmid", 230, "ha-managed", 1,
                "ostemplate", "local:vztmpl/debian-12-standard_12.7-1_amd64.tar.zst", "rootfs", "local-lvm:4")))).isEqualTo("OK");
        assertThat(http.get(HA + "/vm:130").data().get("state").asText()).isEqualTo("started");
        assertThat(http.get(HA + "/ct:230").data().get("state").asText()).isEqualTo("stopped");
        assertThat(row(130).get("hastate").asText()).isEqualTo("started");
    }

    @Test
    void anIgnoredResourceIsListedButNotManaged() {
        assertThat(http.put(HA + "/ct:202", form("state", "ignored")).status()).isEqualTo(200);
        assertThat(row(202).get("hastate").asText()).isEqualTo("ignored");
        assertThat(http.get("/nodes/pve3/lxc/202/status/current").data().get("ha").get("managed").asInt()).isZero();
        String upid = http.post("/nodes/pve3/lxc/202/status/shutdown", form()).data().asText();
        assertThat(upid).as("the API stops it itself").contains(":vzshutdown:202:");
    }

    @Test
    void aGroupThatDoesNotExistIsReportedInTheListing() {
        http.post(HA, form("sid", "vm:100", "group", "web"));
        JsonNode e = http.get(HA).data().get(1);
        assertThat(e.get("sid").asText()).isEqualTo("vm:100");
        assertThat(e.get("errors").get("group").asText()).isEqualTo("group 'web' does not exist");
    }

    @Test
    void readingNeedsSysAuditAndWritingSysConsole() {
        PveHttp audit = new PveHttp(server).token(server.addToken("root@pam", "audit", Set.of("Sys.Audit", "VM.Audit")));
        assertThat(audit.get(HA).data()).hasSize(2);
        PveHttp.Response write = audit.post(HA, form("sid", "vm:100"));
        assertThat(write.status()).isEqualTo(403);
        assertThat(write.message()).isEqualTo("Permission check failed (/, Sys.Console)\n");
        PveHttp vmOnly = new PveHttp(server).token(server.addToken("root@pam", "vms", Set.of("VM.Audit")));
        assertThat(vmOnly.get(HA).message()).isEqualTo("Permission check failed (/, Sys.Audit)\n");
        assertThat(vmOnly.delete(HA + "/vm:101").status()).isEqualTo(403);
        assertThat(http.get(HA).data()).hasSize(2);
    }
}
