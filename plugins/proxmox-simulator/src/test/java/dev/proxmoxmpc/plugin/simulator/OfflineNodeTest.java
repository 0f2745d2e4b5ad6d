package dev.proxmoxmpc.plugin.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A node that is down, as real PVE shows it: {@code offline} in the node lists, its guests {@code unknown} in
 * {@code /cluster/resources}, and 595 with an empty body for every call proxied to it.
 */
class OfflineNodeTest {
    static SimulatorServer server;
    static PveHttp http;

    @BeforeAll
    static void start() {
        server = SimulatorServer.start(SimulatorOptions.builder().scenario("demo-offline").build());
        http = new PveHttp(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void scenarioFlagListsTheNodeOfflineWithoutFigures() {
        JsonNode pve3 = row(http.get("/nodes").data(), "node", "pve3");
        assertThat(pve3.path("status").asText()).isEqualTo("offline");
        assertThat(pve3.has("ssl_fingerprint")).isTrue();
        assertThat(pve3.has("cpu")).isFalse();
        assertThat(pve3.has("uptime")).isFalse();
        assertThat(row(http.get("/nodes").data(), "node", "pve1").path("status").asText()).isEqualTo("online");
        JsonNode res = row(http.get("/cluster/resources?type=node").data(), "node", "pve3");
        assertThat(res.path("status").asText()).isEqualTo("offline");
        JsonNode member = row(http.get("/cluster/status").data(), "name", "pve3");
        assertThat(member.path("online").asInt()).isZero();
    }

    @Test
    void guestsOnTheOfflineNodeAreUnknownWithoutNameOrFigures() {
        JsonNode vms = http.get("/cluster/resources?type=vm").data();
        JsonNode db02 = row(vms, "vmid", "103");
        assertThat(db02.path("node").asText()).isEqualTo("pve3");
        assertThat(db02.path("status").asText()).isEqualTo("unknown");
        assertThat(db02.has("name")).isFalse();
        assertThat(db02.has("mem")).isFalse();
        assertThat(row(vms, "vmid", "100").path("status").asText()).isEqualTo("running");
        JsonNode storage = row(http.get("/cluster/resources?type=storage").data(), "id", "storage/pve3/local");
        assertThat(storage.path("status").asText()).isEqualTo("unknown");
    }

    @Test
    void everyCallProxiedToTheOfflineNodeIs595WithAnEmptyBody() {
        for (String path : List.of("/nodes/pve3/status", "/nodes/pve3/qemu", "/nodes/pve3/qemu/103/config",
                "/nodes/pve3/network", "/nodes/pve3/tasks")) {
            PveHttp.Response r = http.get(path);
            assertThat(r.status()).as(path).isEqualTo(595);
            assertThat(r.body()).as(path).isEmpty();
        }
        assertThat(http.post("/nodes/pve3/qemu/103/status/start", java.util.Map.of()).status()).isEqualTo(595);
        assertThat(http.get("/nodes/pve1/qemu/100/config").status()).isEqualTo(200);
    }

    @Test
    void faultOptionTakesANodeDownAndBringsItBack() {
        try (SimulatorServer demo = SimulatorServer.start(SimulatorOptions.builder().scenario("demo").build())) {
            PveHttp h = new PveHttp(demo);
            assertThat(h.get("/nodes/pve2/qemu/101/config").status()).isEqualTo(200);
            demo.faults().nodeOffline("pve2", true);
            assertThat(h.get("/nodes/pve2/qemu/101/config").status()).isEqualTo(595);
            assertThat(row(h.get("/cluster/resources?type=vm").data(), "vmid", "101").path("status").asText()).isEqualTo("unknown");
            demo.faults().nodeOffline("pve2", false);
            assertThat(h.get("/nodes/pve2/qemu/101/config").status()).isEqualTo(200);
            assertThat(row(h.get("/nodes").data(), "node", "pve2").path("status").asText()).isEqualTo("online");
        }
    }

    private static JsonNode row(JsonNode list, String key, String value) {
        List<String> seen = new ArrayList<>();
        for (JsonNode n : list) {
            if (n.path(key).asText().equals(value)) {
                return n;
            }
            seen.add(n.path(key).asText());
        }
        throw new AssertionError("no row with " + key + "=" + value + " in " + seen);
    }
}
