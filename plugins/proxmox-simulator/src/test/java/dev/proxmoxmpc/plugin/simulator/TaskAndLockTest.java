package dev.proxmoxmpc.plugin.simulator;

import static dev.proxmoxmpc.plugin.simulator.PveHttp.form;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Tasks run in the background, hold the guest's lock while running, and are listed with their user and token. */
class TaskAndLockTest {
    static SimulatorServer server;
    static PveHttp http;

    @BeforeAll
    static void start() {
        server = SimulatorServer.start(SimulatorOptions.builder().scenario("demo").taskDurationMs(50).build());
        http = new PveHttp(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @AfterEach
    void release() {
        server.faults().reset();
    }

    @Test
    void aCloneLocksTheNewGuestUntilItsTaskEnds() {
        server.faults().holdTasks();
        String upid = http.post("/nodes/pve1/qemu/9000/clone", form("newid", 500, "name", "locked-clone")).data().asText();
        JsonNode cfg = http.get("/nodes/pve1/qemu/500/config").data();
        assertThat(cfg.get("lock").asText()).isEqualTo("clone");
        PveHttp.Response write = http.put("/nodes/pve1/qemu/500/config", form("cores", 2));
        assertThat(write.status()).isEqualTo(500);
        assertThat(write.message()).isEqualTo("VM is locked (clone)\n");
        JsonNode row = http.get("/cluster/resources?type=vm").data().findParents("vmid").stream()
                .filter(n -> n.get("vmid").asInt() == 500).findFirst().orElseThrow();
        assertThat(row.get("lock").asText()).isEqualTo("clone");
        server.faults().releaseTasks();
        assertThat(http.waitTask(upid).get("exitstatus").asText()).isEqualTo("OK");
        assertThat(http.get("/nodes/pve1/qemu/500/config").data().has("lock")).isFalse();
        assertThat(http.put("/nodes/pve1/qemu/500/config", form("cores", 2)).status()).isEqualTo(200);
    }

    @Test
    void aFailedTaskReportsItsErrorAndUndoesTheCreate() {
        server.faults().failNextTask("qmcreate", "unable to create VM 501 - storage full");
        String exit = http.runTask(http.post("/nodes/pve2/qemu", form("vmid", 501, "scsi0", "local-lvm:4")));
        assertThat(exit).isEqualTo("unable to create VM 501 - storage full");
        assertThat(http.get("/nodes/pve2/qemu/501/config").status()).isEqualTo(500);
        JsonNode tasks = http.get("/cluster/tasks").data();
        JsonNode row = tasks.findParents("type").stream().filter(t -> t.get("id").asText().equals("501")).findFirst().orElseThrow();
        assertThat(row.get("status").asText()).isEqualTo("unable to create VM 501 - storage full");
        assertThat(row.get("user").asText()).isEqualTo("root@pam");
        assertThat(row.get("tokenid").asText()).isEqualTo("mpc");
        String upid = row.get("upid").asText();
        JsonNode log = http.get("/nodes/pve2/tasks/" + upid + "/log").json();
        assertThat(log.get("total").asInt()).isPositive();
        JsonNode lines = log.get("data");
        assertThat(lines.get(lines.size() - 1).get("t").asText()).isEqualTo("TASK ERROR: unable to create VM 501 - storage full");
        assertThat(lines.get(0).get("n").asInt()).isEqualTo(1);
    }

    @Test
    void aTaskFaultCanTargetAGuest() {
        server.faults().failNextTask("104");
        assertThat(http.runTask(http.post("/nodes/pve2/qemu/104/status/shutdown", Map.of())))
                .isEqualTo("simulated failure of this task (fault injection)");
        assertThat(http.get("/nodes/pve2/qemu/104/status/current").data().get("status").asText()).isEqualTo("running");
    }

    @Test
    void aGuestLeftLockedRefusesChangesUntilUnlocked() {
        server.faults().lockGuest(105, "backup");
        PveHttp.Response r = http.post("/nodes/pve3/qemu/105/status/stop", Map.of());
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.message()).isEqualTo("VM is locked (backup)\n");
        assertThat(http.get("/nodes/pve3/qemu/105/status/current").data().get("lock").asText()).isEqualTo("backup");
        server.faults().lockGuest(202, "mounted");
        assertThat(http.put("/nodes/pve3/lxc/202/config", form("cores", 2)).message()).isEqualTo("CT is locked (mounted)\n");
        server.faults().lockGuest(105, null).lockGuest(202, "");
        assertThat(http.put("/nodes/pve3/lxc/202/config", form("cores", 2)).status()).isEqualTo(200);
    }

    @Test
    void ticketStartedTasksHaveNoTokenId() {
        PveHttp ticket = new PveHttp(server).ticket(server.username(), server.password(), true);
        String upid = ticket.post("/nodes/pve3/qemu/111/status/start", Map.of()).data().asText();
        assertThat(upid).endsWith(":qmstart:111:root@pam:");
        JsonNode st = ticket.waitTask(upid);
        assertThat(st.has("tokenid")).isFalse();
        assertThat(st.get("id").isTextual()).isTrue();
        assertThat(st.get("pid").isNumber()).isTrue();
        ticket.runTask(ticket.post("/nodes/pve3/qemu/111/status/stop", Map.of()));
    }

    @Test
    void startingARunningVmFailsInItsTask() {
        assertThat(http.runTask(http.post("/nodes/pve1/qemu/100/status/start", Map.of()))).isEqualTo("VM 100 already running");
    }

    @Test
    void aNewGuestCanBeListedAsUnknownUntilItsFirstStatsSample() {
        server.faults().newGuestStatsDelayMs(600_000);
        http.runTask(http.post("/nodes/pve3/qemu", form("vmid", 520, "name", "fresh")));
        JsonNode vms = http.get("/cluster/resources?type=vm").data();
        JsonNode fresh = vms.findParents("vmid").stream().filter(n -> n.get("vmid").asInt() == 520).findFirst().orElseThrow();
        assertThat(fresh.get("status").asText()).isEqualTo("unknown");
        assertThat(fresh.has("name")).isFalse();
        JsonNode old = vms.findParents("vmid").stream().filter(n -> n.get("vmid").asInt() == 100).findFirst().orElseThrow();
        assertThat(old.get("status").asText()).isEqualTo("running");
        JsonNode recorded = null;
        for (JsonNode i : Fixtures.load("qemu-create-poll-cluster-resources").get("interactions")) {
            if (recorded == null && i.get("request").get("path").asText().endsWith("/cluster/resources")) {
                recorded = i.get("response").get("body").get("data").get(0);
            }
        }
        assertThat(recorded.get("status").asText()).isEqualTo("unknown");
        Fixtures.assertSameShape("unknown row", recorded, fresh, java.util.Set.of("hastate"));
    }

    @Test
    void unknownTaskIsAParameterError() {
        PveHttp.Response r = http.get("/nodes/pve1/tasks/UPID:pve1:00000001:00000001:00000001:qmstart:1:root@pam:/status");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("errors").get("upid").asText()).isEqualTo("no such task");
    }

    @Test
    void aRunningTaskCanBeStopped() {
        server.faults().holdTasks();
        String upid = http.post("/nodes/pve2/qemu/110/status/start", Map.of()).data().asText();
        assertThat(http.delete("/nodes/pve2/tasks/" + upid).status()).isEqualTo(200);
        assertThat(http.waitTask(upid).get("exitstatus").asText()).isEqualTo("interrupted by signal");
        assertThat(http.get("/nodes/pve2/qemu/110/status/current").data().get("status").asText()).isEqualTo("stopped");
    }
}
