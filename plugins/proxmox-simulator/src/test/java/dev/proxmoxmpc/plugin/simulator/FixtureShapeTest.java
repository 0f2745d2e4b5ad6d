package dev.proxmoxmpc.plugin.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every endpoint's answer has the keys and value kinds of the recorded real PVE responses. */
class FixtureShapeTest {
    static SimulatorServer server;
    static PveHttp http;

    @BeforeAll
    static void start() {
        server = SimulatorServer.start(SimulatorOptions.builder().scenario("demo").taskDurationMs(150).build());
        http = new PveHttp(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static JsonNode firstOfType(JsonNode rows, String type) {
        for (JsonNode r : rows) {
            if (r.path("type").asText().equals(type)) {
                return r;
            }
        }
        throw new AssertionError("no row of type " + type + " in " + rows);
    }

    @Test
    void versionMatchesRecordedShape() {
        PveHttp.Response r = http.get("/version");
        assertThat(r.status()).isEqualTo(200);
        Fixtures.assertSameShape("version", Fixtures.body("version-get-9.2.4"), r.json(), Set.of());
        assertThat(r.headers().firstValue("Server")).contains("pve-api-daemon/3.0");
        assertThat(r.headers().firstValue("Content-Type")).contains("application/json;charset=UTF-8");
        assertThat(r.headers().firstValue("Cache-Control")).contains("max-age=0");
        assertThat(r.headers().firstValue("Pragma")).contains("no-cache");
    }

    @Test
    void clusterResourcesRowsMatchRecordedShapes() {
        JsonNode all = http.get("/cluster/resources").data();
        JsonNode rec = Fixtures.body("cluster-resources-all").get("data");
        for (String type : new String[] {"node", "storage", "network"}) {
            Fixtures.assertSameShape(type, firstOfType(rec, type), firstOfType(all, type), Set.of());
        }
        JsonNode recVm = Fixtures.body("cluster-resources-type-vm-with-lock").get("data").get(0);
        JsonNode vms = http.get("/cluster/resources?type=vm").data();
        Fixtures.assertSameShape("qemu", recVm, firstOfType(vms, "qemu"), Set.of("lock", "hastate"));
        Fixtures.assertSameShape("lxc", recVm, firstOfType(vms, "lxc"), Set.of("lock", "hastate", "memhost"));
        assertThat(firstOfType(all, "pool").get("id").asText()).startsWith("/pool/");
    }

    @Test
    void typeFilterNodeMatchesRecordedShape() {
        JsonNode nodes = http.get("/cluster/resources?type=node").data();
        assertThat(nodes).hasSize(3);
        Fixtures.assertSameShape("node", Fixtures.body("cluster-resources-type-node").get("data").get(0), nodes.get(0), Set.of());
        nodes.forEach(n -> assertThat(n.get("type").asText()).isEqualTo("node"));
    }

    @Test
    void nodesAndClusterStatusMatchRecordedShapes() {
        JsonNode nodes = http.get("/nodes").data();
        Fixtures.assertSameShape("nodes", Fixtures.body("gp-nodes-list").get("data").get(0), nodes.get(0), Set.of());
        assertThat(nodes.get(0).get("ssl_fingerprint").asText()).isEqualTo(server.fingerprint());
        JsonNode status = http.get("/cluster/status").data();
        JsonNode rec = Fixtures.body("gp-cluster-status").get("data");
        Fixtures.assertSameShape("cluster", firstOfType(rec, "cluster"), firstOfType(status, "cluster"), Set.of());
        Fixtures.assertSameShape("member", firstOfType(rec, "node"), firstOfType(status, "node"), Set.of());
    }

    @Test
    void qemuStatusCurrentHasTheRecordedCoreKeys() {
        JsonNode cur = http.get("/nodes/pve1/qemu/100/status/current").data();
        JsonNode rec = Fixtures.body("gp-qemu-status-current").get("data");
        Set<String> notSimulated = Set.of("blockstat", "nics", "proxmox-support", "ballooninfo", "shares", "spice",
                "balloon_min", "diskwrite", "diskread");
        Fixtures.assertSameShape("status/current", rec, cur, notSimulated);
        assertThat(cur.get("status").asText()).isEqualTo("running");
    }

    @Test
    void ticketAnswerMatchesRecordedShape() {
        PveHttp.Response r = new PveHttp(server).noAuth().post("/access/ticket",
                Map.of("username", server.username(), "password", server.password()));
        Fixtures.assertSameShape("ticket", Fixtures.body("access-ticket-post"), r.json(), Set.of());
        assertThat(r.data().get("ticket").asText()).matches("PVE:root@pam:[0-9A-F]{8}::.+");
        assertThat(r.data().get("CSRFPreventionToken").asText()).matches("[0-9A-F]{8}:.+");
    }

    @Test
    void storageDefinitionsMatchRecordedShape() {
        JsonNode rows = http.get("/storage").data();
        JsonNode rec = Fixtures.body("storage-list").get("data");
        for (JsonNode r : rec) {
            JsonNode mine = null;
            for (JsonNode m : rows) {
                if (m.get("storage").asText().equals(r.get("storage").asText())) {
                    mine = m;
                }
            }
            Fixtures.assertSameShape("storage " + r.get("storage"), r, mine, Set.of());
        }
    }

    @Test
    void taskStatusMatchesRecordedShapesWhileRunningAndStopped() {
        server.faults().holdTasks();
        PveHttp.Response created = http.post("/nodes/pve1/qemu", PveHttp.form("vmid", 9101, "name", "shape", "memory", 512,
                "net0", "virtio,bridge=vmbr0", "scsi0", "local-lvm:8"));
        String upid = created.data().asText();
        assertThat(upid).matches("UPID:pve1:[0-9A-F]{8}:[0-9A-F]{8,9}:[0-9A-F]{8}:qmcreate:9101:root@pam!mpc:");
        JsonNode running = http.get("/nodes/pve1/tasks/" + upid + "/status").data();
        Fixtures.assertSameShape("running", Fixtures.body("task-status-running").get("data"), running, Set.of());
        assertThat(running.has("exitstatus")).isFalse();
        server.faults().releaseTasks();
        JsonNode stopped = http.waitTask(upid);
        Fixtures.assertSameShape("stopped", Fixtures.body("task-status-stopped-ok").get("data"), stopped, Set.of());
        assertThat(stopped.get("exitstatus").asText()).isEqualTo("OK");
    }

    @Test
    void errorBodiesMatchRecordedShapes() {
        PveHttp.Response bad = http.get("/cluster/resources?type=bogus");
        assertThat(bad.status()).isEqualTo(400);
        Fixtures.assertSameShape("400", Fixtures.body("error-400-parameter-verification"), bad.json(), Set.of("name"));
        assertThat(bad.json().get("errors").get("type").asText()).contains("does not have a value in the enumeration");
        assertThat(bad.message()).isEqualTo("Parameter verification failed.\n");
        PveHttp.Response missing = http.get("/nodes/pve1/qemu/999/config");
        assertThat(missing.status()).isEqualTo(500);
        Fixtures.assertSameShape("500", Fixtures.body("error-500-message"), missing.json(), Set.of());
        assertThat(missing.json().has("errors")).isFalse();
        assertThat(missing.message()).isEqualTo("Configuration file 'nodes/pve1/qemu-server/999.conf' does not exist\n");
        assertThat(missing.headers().firstValue("Connection")).contains("close");
    }

    @Test
    void emptyGuestListIsAnEmptyArray() {
        try (SimulatorServer empty = SimulatorServer.start(SimulatorOptions.builder().scenario("empty").build())) {
            PveHttp.Response r = new PveHttp(empty).get("/nodes/pve/qemu");
            assertThat(r.json()).isEqualTo(Fixtures.body("nodes-qemu-list-empty"));
        }
    }

    @Test
    void everyReadAnswersForEveryDemoGuestNodeAndStorage() {
        for (JsonNode g : http.get("/cluster/resources?type=vm").data()) {
            String base = "/nodes/" + g.get("node").asText() + "/" + g.get("type").asText();
            String one = base + "/" + g.get("vmid").asInt();
            for (String path : new String[] {base, one + "/config", one + "/status/current", one + "/snapshot", one + "/pending"}) {
                PveHttp.Response r = http.get(path);
                assertThat(r.status()).as(path + " " + r.body()).isEqualTo(200);
            }
        }
        for (String node : new String[] {"pve1", "pve2", "pve3"}) {
            for (String path : new String[] {"/nodes/" + node + "/status", "/nodes/" + node + "/network",
                "/nodes/" + node + "/storage", "/nodes/" + node + "/storage/local/content",
                "/nodes/" + node + "/storage/local-lvm/content", "/nodes/" + node + "/tasks"}) {
                PveHttp.Response r = http.get(path);
                assertThat(r.status()).as(path + " " + r.body()).isEqualTo(200);
            }
        }
        for (String path : new String[] {"/cluster/nextid", "/cluster/tasks", "/pools", "/pools/production", "/storage",
            "/access/permissions"}) {
            assertThat(http.get(path).status()).as(path).isEqualTo(200);
        }
        assertThat(http.get("/cluster/nextid").data().asInt()).isEqualTo(112);
    }

    @Test
    void unknownPathIsNotImplemented() {
        PveHttp.Response r = http.get("/nodes/pve1/foo");
        assertThat(r.status()).isEqualTo(501);
        assertThat(r.message()).isEqualTo("Method 'GET /nodes/pve1/foo' not implemented\n");
    }
}
