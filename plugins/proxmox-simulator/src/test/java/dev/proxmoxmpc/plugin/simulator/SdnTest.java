package dev.proxmoxmpc.plugin.simulator;

import static dev.proxmoxmpc.plugin.simulator.PveHttp.form;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code /cluster/sdn}: edits kept pending until {@code PUT /cluster/sdn} applies them; PVE's views and checks. */
class SdnTest {
    private final SimulatorServer server = SimulatorServer.start(SimulatorOptions.builder().scenario("demo").taskDurationMs(20).build());
    private final PveHttp http = new PveHttp(server);

    @AfterEach
    void stop() {
        server.close();
    }

    private JsonNode ok(PveHttp.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.data();
    }

    @Test
    void theDemoRunsItsZonesVnetsAndSubnetWithNothingPending() {
        JsonNode zones = ok(http.get("/cluster/sdn/zones?running=1"));
        assertThat(zones.findValuesAsText("zone")).containsExactly("lab", "tenants");
        assertThat(zones.get(1).get("type").asText()).isEqualTo("vlan");
        assertThat(zones.get(1).get("bridge").asText()).isEqualTo("vmbr1");
        assertThat(zones.get(1).get("mtu").isNumber()).isTrue();
        assertThat(zones.get(1).has("digest")).as("the running config has no digest").isFalse();
        JsonNode vnets = ok(http.get("/cluster/sdn/vnets"));
        assertThat(vnets.findValuesAsText("vnet")).containsExactly("dmz", "labnet");
        assertThat(vnets.get(0).get("tag").asInt()).isEqualTo(100);
        assertThat(vnets.get(0).get("type").asText()).isEqualTo("vnet");
        assertThat(vnets.get(0).get("digest").asText()).hasSize(40);
        JsonNode subnet = ok(http.get("/cluster/sdn/vnets/labnet/subnets/lab-10.20.0.0-24"));
        assertThat(subnet.get("cidr").asText()).isEqualTo("10.20.0.0/24");
        assertThat(subnet.get("zone").asText()).isEqualTo("lab");
        assertThat(subnet.get("gateway").asText()).isEqualTo("10.20.0.1");
        assertThat(subnet.get("snat").asInt()).isEqualTo(1);
        for (String section : new String[] {"zones", "vnets", "vnets/labnet/subnets"}) {
            ok(http.get("/cluster/sdn/" + section + "?pending=1")).forEach(o -> assertThat(o.has("state")).as(o.toString()).isFalse());
        }
    }

    @Test
    void editsArePendingUntilApplied() {
        ok(http.post("/cluster/sdn/zones", form("zone", "ovl", "type", "vxlan", "peers", "10.0.0.11,10.0.0.12")));
        ok(http.post("/cluster/sdn/vnets", form("vnet", "ovlnet", "zone", "ovl", "tag", 5000)));
        ok(http.put("/cluster/sdn/vnets/dmz", form("alias", "DMZ", "tag", 101)));
        ok(http.delete("/cluster/sdn/vnets/labnet/subnets/lab-10.20.0.0-24"));

        assertThat(ok(http.get("/cluster/sdn/zones?running=1")).findValuesAsText("zone")).doesNotContain("ovl");
        assertThat(ok(http.get("/cluster/sdn/zones")).findValuesAsText("zone")).contains("ovl");
        JsonNode pending = ok(http.get("/cluster/sdn/vnets?pending=1"));
        JsonNode dmz = pending.get(0);
        assertThat(dmz.get("state").asText()).isEqualTo("changed");
        assertThat(dmz.get("alias").asText()).isEqualTo("DMZ servers");
        assertThat(dmz.get("pending").get("alias").asText()).isEqualTo("DMZ");
        assertThat(dmz.get("pending").get("tag").asInt()).isEqualTo(101);
        assertThat(pending.get(2).get("vnet").asText()).isEqualTo("ovlnet");
        assertThat(pending.get(2).get("state").asText()).isEqualTo("new");
        assertThat(ok(http.get("/cluster/sdn/vnets/labnet/subnets?pending=1")).get(0).get("state").asText()).isEqualTo("deleted");

        String upid = ok(http.put("/cluster/sdn", Map.of())).asText();
        assertThat(upid).startsWith("UPID:pve1:").contains(":reloadnetworkall::");
        assertThat(http.waitTask(upid).get("exitstatus").asText()).isEqualTo("OK");
        assertThat(ok(http.get("/cluster/sdn/zones?running=1")).findValuesAsText("zone")).contains("ovl");
        assertThat(ok(http.get("/cluster/sdn/vnets/dmz?running=1")).get("alias").asText()).isEqualTo("DMZ");
        assertThat(ok(http.get("/cluster/sdn/vnets/labnet/subnets?running=1"))).isEmpty();
        ok(http.get("/cluster/sdn/vnets?pending=1")).forEach(o -> assertThat(o.has("state")).isFalse());
    }

    @Test
    void refusesWhatPveRefuses() {
        PveHttp.Response missingZone = http.post("/cluster/sdn/vnets", form("vnet", "x1", "zone", "nope"));
        assertThat(missingZone.status()).isEqualTo(400);
        assertThat(missingZone.body()).contains("zone 'nope' doesn't exist");
        assertThat(http.delete("/cluster/sdn/zones/tenants").body()).contains("zone tenants is used by vnet dmz");
        assertThat(http.delete("/cluster/sdn/vnets/labnet").body()).contains("Can't delete vnet if subnets exists");
        assertThat(http.post("/cluster/sdn/zones", form("zone", "v2", "type", "vlan")).body()).contains("bridge")
                .contains("property is missing");
        assertThat(http.post("/cluster/sdn/zones", form("zone", "s2", "type", "simple", "peers", "10.0.0.1")).status()).isEqualTo(400);
        assertThat(http.post("/cluster/sdn/zones", form("zone", "toolongname", "type", "simple")).body()).contains("value may only be 8 characters long");
        assertThat(http.post("/cluster/sdn/vnets", form("vnet", "x2", "zone", "lab", "tag", 5)).body())
                .contains("vlan tag is not allowed on simple zone");
        assertThat(http.post("/cluster/sdn/vnets", form("vnet", "x3", "zone", "tenants")).body()).contains("missing vlan tag");
        assertThat(http.post("/cluster/sdn/vnets/labnet/subnets", form("subnet", "10.30.0.0/24", "type", "subnet",
                "gateway", "10.31.0.1")).body()).contains("gateway ip 10.31.0.1 is not in subnet 10.30.0.0/24");
        assertThat(http.post("/cluster/sdn/zones", form("zone", "lab", "type", "simple")).body()).contains("sdn zone object ID 'lab' already defined");
        assertThat(http.put("/cluster/sdn/vnets/dmz", form("alias", "x", "digest", "0".repeat(40))).body())
                .contains("detected modified configuration");
    }
}
