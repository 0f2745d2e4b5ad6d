package dev.proxmoxmpc.plugin.simulator;

import static dev.proxmoxmpc.plugin.simulator.PveHttp.await;
import static dev.proxmoxmpc.plugin.simulator.PveHttp.form;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Power calls on HA-managed demo guests (VM 101 on pve2, container 202 on pve3): a short {@code hastart}/
 * {@code hastop} hand-off, then the guest changes state later, in a task of the HA stack's own; the {@code error}
 * state and its way out; the manager acting on new and changed resources; destroying a managed guest.
 */
class HaPowerTest {
    private final SimulatorServer server = SimulatorServer.start(SimulatorOptions.builder().scenario("demo").taskDurationMs(300).build());
    private final PveHttp http = new PveHttp(server);

    @AfterEach
    void stop() {
        server.close();
    }

    private String status(String path) {
        return http.get(path + "/status/current").data().get("status").asText();
    }

    private String hastate(int vmid) {
        for (JsonNode r : http.get("/cluster/resources?type=vm").data()) {
            if (r.get("vmid").asInt() == vmid) {
                return r.path("hastate").asText();
            }
        }
        throw new AssertionError("no guest " + vmid);
    }

    /** @return {@code type user} of every task of a node for a VMID, oldest first. */
    private List<String> tasks(String node, int vmid) {
        List<String> out = new ArrayList<>();
        for (JsonNode t : http.get("/nodes/" + node + "/tasks?vmid=" + vmid + "&limit=100").data()) {
            out.add(0, t.get("type").asText() + " " + t.get("user").asText());
        }
        return out;
    }

    private List<String> log(String upid) {
        List<String> out = new ArrayList<>();
        http.get("/nodes/" + upid.split(":")[1] + "/tasks/" + upid + "/log").data().forEach(l -> out.add(l.get("t").asText()));
        return out;
    }

    @Test
    void stopHandsOverAndTheHaStackStopsTheVmAfterwards() {
        server.faults().holdTasks();
        String upid = http.post("/nodes/pve2/qemu/101/status/stop", form()).data().asText();
        assertThat(upid).contains(":hastop:101:");
        assertThat(status("/nodes/pve2/qemu/101")).as("nothing changes while the hand-off runs").isEqualTo("running");
        assertThat(hastate(101)).isEqualTo("started");
        assertThat(http.get("/cluster/ha/resources/vm:101").data().get("state").asText()).isEqualTo("started");
        server.faults().releaseTasks();
        assertThat(http.waitTask(upid).get("exitstatus").asText()).isEqualTo("OK");
        assertThat(log(upid)).containsExactly("Requesting HA stop for VM 101", "TASK OK");
        assertThat(http.get("/cluster/ha/resources/vm:101").data().get("state").asText()).isEqualTo("stopped");

        await("VM 101 is stopped", () -> status("/nodes/pve2/qemu/101").equals("stopped"));
        await("the service is stopped", () -> hastate(101).equals("stopped"));
        assertThat(tasks("pve2", 101)).containsExactly("hastop root@pam", "qmstop root@pam");

        upid = http.post("/nodes/pve2/qemu/101/status/start", form()).data().asText();
        assertThat(upid).contains(":hastart:101:");
        assertThat(http.waitTask(upid).get("exitstatus").asText()).isEqualTo("OK");
        assertThat(log(upid)).first().isEqualTo("Requesting HA start for VM 101");
        assertThat(hastate(101)).isEqualTo("started");
        await("VM 101 runs again", () -> status("/nodes/pve2/qemu/101").equals("running"));
        assertThat(tasks("pve2", 101)).endsWith("hastart root@pam", "qmstart root@pam");
        assertThat(http.get("/cluster/ha/resources/vm:101").data().get("state").asText()).isEqualTo("started");
    }

    @Test
    void shutdownOfAContainerIsAGracefulStopByTheHaStack() {
        PveHttp.Response r = http.post("/nodes/pve3/lxc/202/status/shutdown", form("timeout", 30));
        assertThat(r.data().asText()).contains(":hastop:202:");
        assertThat(log(http.waitTask(r.data().asText()).get("upid").asText())).first().isEqualTo("Requesting HA stop for CT 202");
        await("CT 202 is stopped", () -> status("/nodes/pve3/lxc/202").equals("stopped"));
        assertThat(tasks("pve3", 202)).containsExactly("hastop root@pam", "vzshutdown root@pam");

        PveHttp.Response stopped = http.post("/nodes/pve3/lxc/202/status/shutdown", form());
        assertThat(stopped.status()).isEqualTo(500);
        assertThat(stopped.message()).as("pve-container checks before it hands over").isEqualTo("CT 202 not running\n");
        assertThat(http.runTask(http.post("/nodes/pve3/lxc/202/status/start", form()))).isEqualTo("OK");
        await("CT 202 runs", () -> status("/nodes/pve3/lxc/202").equals("running"));
        assertThat(http.post("/nodes/pve3/lxc/202/status/start", form()).message()).isEqualTo("CT 202 already running\n");
        assertThat(tasks("pve3", 202)).endsWith("hastart root@pam", "vzstart root@pam");
    }

    @Test
    void aNewResourceForAStoppedGuestHasItStartedAndAStoppedStateStopsIt() {
        assertThat(http.post("/cluster/ha/resources", form("sid", "vm:111")).status()).isEqualTo(200);
        assertThat(hastate(111)).isEqualTo("started");
        await("VM 111 is started by the HA stack", () -> status("/nodes/pve3/qemu/111").equals("running"));
        server.faults().holdTasks();
        assertThat(http.put("/cluster/ha/resources/vm:111", form("state", "stopped")).status()).isEqualTo(200);
        assertThat(hastate(111)).isEqualTo("request_stop");
        assertThat(status("/nodes/pve3/qemu/111")).isEqualTo("running");
        server.faults().releaseTasks();
        await("VM 111 is shut down", () -> status("/nodes/pve3/qemu/111").equals("stopped"));
        assertThat(tasks("pve3", 111)).containsExactly("qmstart root@pam", "qmshutdown root@pam");
        assertThat(hastate(111)).isEqualTo("stopped");
    }

    @Test
    void aFailedStartPutsTheServiceInErrorUntilItIsDisabled() {
        server.faults().failNextTask("qmstart", "start failed: QEMU exited with code 1");
        http.post("/cluster/ha/resources", form("sid", "111"));
        await("the service is in error", () -> hastate(111).equals("error"));
        assertThat(status("/nodes/pve3/qemu/111")).isEqualTo("stopped");

        String upid = http.post("/nodes/pve3/qemu/111/status/start", form()).data().asText();
        assertThat(http.waitTask(upid).get("exitstatus").asText())
                .isEqualTo("command 'ha-manager set vm:111 --state started' failed: exit code 255");
        assertThat(log(upid)).contains("service 'vm:111' in error state, must be disabled and fixed first");
        PveHttp.Response refused = http.put("/cluster/ha/resources/vm:111", form("state", "started"));
        assertThat(refused.message()).isEqualTo("service 'vm:111' in error state, must be disabled and fixed first\n");

        assertThat(http.put("/cluster/ha/resources/vm:111", form("state", "disabled")).status()).isEqualTo(200);
        assertThat(hastate(111)).isEqualTo("stopped");
        http.put("/cluster/ha/resources/vm:111", form("state", "started"));
        await("VM 111 runs", () -> status("/nodes/pve3/qemu/111").equals("running"));
    }

    @Test
    void aManagedGuestIsDestroyedOnlyWithPurgeWhichRemovesItsResource() {
        http.runTask(http.post("/nodes/pve2/qemu/101/status/stop", form()));
        await("VM 101 is stopped", () -> status("/nodes/pve2/qemu/101").equals("stopped"));
        PveHttp.Response refused = http.delete("/nodes/pve2/qemu/101");
        assertThat(refused.status()).isEqualTo(500);
        assertThat(refused.message()).isEqualTo("unable to remove VM 101 - used in HA resources and purge parameter not set.\n");
        assertThat(http.runTask(http.delete("/nodes/pve2/qemu/101?purge=1"))).isEqualTo("OK");
        assertThat(http.get("/cluster/ha/resources").data().findValuesAsText("sid")).containsExactly("ct:202");
    }

    @Test
    void withoutItsResourceTheGuestIsStoppedDirectly() {
        http.delete("/cluster/ha/resources/vm:101");
        String upid = http.post("/nodes/pve2/qemu/101/status/stop", form()).data().asText();
        assertThat(upid).contains(":qmstop:101:");
        http.waitTask(upid);
        assertThat(status("/nodes/pve2/qemu/101")).isEqualTo("stopped");
    }
}
