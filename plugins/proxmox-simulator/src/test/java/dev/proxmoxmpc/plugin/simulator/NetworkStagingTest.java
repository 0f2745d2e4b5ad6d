package dev.proxmoxmpc.plugin.simulator;

import static dev.proxmoxmpc.plugin.simulator.PveHttp.form;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code /nodes/{node}/network}: writes staged in interfaces.new, the listing's diff, apply and revert, PVE's checks. */
class NetworkStagingTest {
    private final SimulatorServer server = SimulatorServer.start(SimulatorOptions.builder().scenario("demo").taskDurationMs(20).build());
    private final PveHttp http = new PveHttp(server);

    @AfterEach
    void stop() {
        server.close();
    }

    private JsonNode iface(String name) {
        PveHttp.Response r = http.get("/nodes/pve1/network/" + name);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.data();
    }

    private List<String> names(PveHttp.Response list) {
        return list.data().findValuesAsText("iface");
    }

    @Test
    void aNewBridgeIsStagedWithTheDiffUntilTheReloadTaskAppliesIt() {
        assertThat(http.get("/nodes/pve1/network").json().has("changes")).isFalse();
        PveHttp.Response created = http.post("/nodes/pve1/network", form("iface", "vmbr5", "type", "bridge", "autostart", 1,
                "cidr", "10.9.0.1/24", "comments", "lab net"));
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        assertThat(created.data().isNull()).isTrue();

        PveHttp.Response staged = http.get("/nodes/pve1/network");
        assertThat(names(staged)).contains("vmbr5");
        String changes = staged.json().get("changes").asText();
        assertThat(changes).startsWith("--- /etc/network/interfaces\t").contains("\n+++ /etc/network/interfaces.new\t")
                .contains("\n+auto vmbr5\n+iface vmbr5 inet static\n+\taddress 10.9.0.1/24\n+\tbridge-ports none\n")
                .contains("\n+#lab net\n").doesNotContain("\n-");
        JsonNode vmbr5 = iface("vmbr5");
        assertThat(vmbr5.get("type").asText()).isEqualTo("bridge");
        assertThat(vmbr5.get("cidr").asText()).isEqualTo("10.9.0.1/24");
        assertThat(vmbr5.get("address").asText()).isEqualTo("10.9.0.1");
        assertThat(vmbr5.get("netmask").asText()).isEqualTo("24");
        assertThat(vmbr5.get("method").asText()).isEqualTo("static");
        assertThat(vmbr5.get("comments").asText()).isEqualTo("lab net\n");
        assertThat(vmbr5.get("bridge_stp").asText()).isEqualTo("off");
        assertThat(vmbr5.get("autostart").asInt()).isEqualTo(1);
        assertThat(vmbr5.has("active")).as("not up before the reload").isFalse();

        String upid = http.put("/nodes/pve1/network", Map.of()).data().asText();
        assertThat(upid).startsWith("UPID:pve1:").contains(":srvreload:networking:root@pam!mpc:");
        assertThat(http.waitTask(upid).get("exitstatus").asText()).isEqualTo("OK");
        PveHttp.Response applied = http.get("/nodes/pve1/network");
        assertThat(applied.json().has("changes")).isFalse();
        assertThat(iface("vmbr5").get("active").asInt()).isEqualTo(1);
    }

    @Test
    void revertDropsTheStagedFileAndAFailedReloadStillRenamedIt() {
        http.post("/nodes/pve1/network", form("iface", "vmbr5", "type", "bridge"));
        assertThat(http.delete("/nodes/pve1/network").status()).isEqualTo(200);
        PveHttp.Response reverted = http.get("/nodes/pve1/network");
        assertThat(names(reverted)).doesNotContain("vmbr5");
        assertThat(reverted.json().has("changes")).isFalse();

        http.post("/nodes/pve1/network", form("iface", "vmbr6", "type", "bridge", "autostart", 1));
        assertThat(http.get("/nodes/pve2/network").json().has("changes")).as("other nodes have their own file").isFalse();
        server.faults().failNextTask("srvreload", "error: vmbr6 : cmd failed");
        assertThat(http.runTask(http.put("/nodes/pve1/network", Map.of()))).isEqualTo("error: vmbr6 : cmd failed");
        assertThat(http.get("/nodes/pve1/network").json().has("changes")).as("renamed before ifreload ran").isFalse();
        assertThat(iface("vmbr6").has("active")).as("ifreload failed: not up").isFalse();
    }

    @Test
    void updateSetsAndDeletesKeysAndKeepsAnAddressOnlyWhenTheRequestCarriesIt() {
        assertThat(http.put("/nodes/pve1/network/vmbr1", form("type", "bridge", "comments", "trunk", "delete",
                "bridge_vlan_aware")).status()).isEqualTo(200);
        JsonNode vmbr1 = iface("vmbr1");
        assertThat(vmbr1.get("comments").asText()).isEqualTo("trunk\n");
        assertThat(vmbr1.has("bridge_vlan_aware")).isFalse();
        assertThat(vmbr1.has("bridge_vids")).as("only written for VLAN-aware bridges").isFalse();

        http.put("/nodes/pve1/network/vmbr0", form("type", "bridge", "comments", "LAN", "cidr", "10.0.0.11/24"));
        assertThat(iface("vmbr0").get("method").asText()).isEqualTo("static");
        http.put("/nodes/pve1/network/vmbr0", form("type", "bridge", "comments", "LAN"));
        JsonNode manual = iface("vmbr0");
        assertThat(manual.get("method").asText()).as("PVE sets method from the request's address").isEqualTo("manual");
        assertThat(manual.get("cidr").asText()).as("the address line stays").isEqualTo("10.0.0.11/24");
        http.put("/nodes/pve1/network/vmbr0", form("type", "bridge", "delete", "cidr,gateway"));
        assertThat(iface("vmbr0").has("address")).isFalse();
        assertThat(iface("vmbr0").has("gateway")).isFalse();
    }

    @Test
    void vlanInterfacesTakeRawDeviceAndIdFromTheirNameOrOptions() {
        assertThat(http.post("/nodes/pve1/network", form("iface", "eno2.40", "type", "vlan")).status()).isEqualTo(200);
        JsonNode dotted = iface("eno2.40");
        assertThat(dotted.get("type").asText()).isEqualTo("vlan");
        assertThat(dotted.get("vlan-raw-device").asText()).isEqualTo("eno2");
        assertThat(dotted.get("vlan-id").asText()).isEqualTo("40");
        assertThat(dotted.get("exists").asInt()).isEqualTo(1);
        assertThat(http.post("/nodes/pve1/network", form("iface", "vlan50", "type", "vlan", "vlan-raw-device", "vmbr0"))
                .status()).isEqualTo(200);
        assertThat(iface("vlan50").get("vlan-id").asText()).isEqualTo("50");

        PveHttp.Response noId = http.post("/nodes/pve1/network", form("iface", "mgmt", "type", "vlan", "vlan-raw-device", "eno2"));
        assertThat(noId.status()).isEqualTo(500);
        assertThat(noId.message()).isEqualTo("missing vlan-id option\n");
        PveHttp.Response noParent = http.post("/nodes/pve1/network", form("iface", "eno7.20", "type", "vlan"));
        assertThat(noParent.message()).isEqualTo("vlan 'eno7.20' - unable to find parent 'eno7'\n");
    }

    @Test
    void createRefusesWhatPveRefusesAndStagesNothingThen() {
        assertError(http.post("/nodes/pve1/network", form("iface", "vmbr0", "type", "bridge")), 400, "iface",
                "interface already exists");
        assertError(http.post("/nodes/pve1/network", form("iface", "vmbr6", "type", "bridge", "bridge_ports", "eno1")), 400,
                "bridge_ports", "eno1 is already used on interface 'vmbr0'.");
        assertError(http.post("/nodes/pve1/network", form("iface", "vmbr6", "type", "bridge", "cidr", "10.1.0.1/24",
                "gateway", "10.1.0.254")), 400, "gateway", "Default gateway already exists on interface 'vmbr0'.");
        assertError(http.post("/nodes/pve1/network", form("iface", "vmbr6", "type", "bridge", "cidr", "10.1.0.1/24",
                "address", "10.1.0.1", "netmask", "24")), 400, "address", "address conflicts with cidr");
        PveHttp.Response missingPort = http.post("/nodes/pve1/network", form("iface", "vmbr6", "type", "bridge", "bridge_ports", "eno9"));
        assertThat(missingPort.status()).isEqualTo(500);
        assertThat(missingPort.message()).isEqualTo("bridge 'vmbr6' - unable to find bridge port 'eno9'\n");
        PveHttp.Response ovs = http.post("/nodes/pve1/network", form("iface", "vmbr7", "type", "OVSBridge"));
        assertThat(ovs.message()).isEqualTo("Open VSwitch is not installed (need package 'openvswitch-switch')\n");
        assertThat(http.get("/nodes/pve1/network").json().has("changes")).isFalse();
    }

    @Test
    void updateAndDeleteNeedAnExistingInterfaceAndUpdateItsType() {
        assertError(http.put("/nodes/pve1/network/vmbr1", form("comments", "x")), 400, "type",
                "property is missing and it is not optional");
        assertError(http.put("/nodes/pve1/network/vmbr9", form("type", "bridge")), 400, "iface", "interface does not exist");
        assertError(http.delete("/nodes/pve1/network/vmbr9"), 400, "iface", "interface does not exist");
        assertError(http.get("/nodes/pve1/network/vmbr9"), 400, "iface", "interface does not exist");
        assertThat(http.delete("/nodes/pve1/network/vmbr1").status()).isEqualTo(200);
        assertThat(http.delete("/nodes/pve1/network/eno2").status()).isEqualTo(200);
        List<String> left = names(http.get("/nodes/pve1/network"));
        assertThat(left).doesNotContain("vmbr1").as("a physical NIC is listed even without a stanza").contains("eno2");
    }

    @Test
    void typeFiltersAndBridgesOnlyForCallersWhoMaySeeThem() {
        assertThat(names(http.get("/nodes/pve1/network?type=any_bridge"))).containsExactly("vmbr0", "vmbr1");
        assertThat(names(http.get("/nodes/pve1/network?type=eth"))).containsExactlyInAnyOrder("eno1", "eno2", "eno3", "eno4");
        assertThat(names(http.get("/nodes/pve1/network?type=bond"))).containsExactly("bond0");
        assertThat(names(http.get("/nodes/pve1/network?type=vnet"))).isEmpty();
        PveHttp limited = new PveHttp(server).token(server.addToken("root@pam", "nosdn", Set.of("Sys.Audit")));
        assertThat(names(limited.get("/nodes/pve1/network"))).as("bonds are no bridges: listed without SDN.Audit")
                .containsExactlyInAnyOrder("eno1", "eno2", "eno3", "eno4", "bond0");
        server.addUser("netops@pve", "pw", Set.of("Sys.Audit", "SDN.Audit"));
        assertThat(names(new PveHttp(server).ticket("netops@pve", "pw", true).get("/nodes/pve1/network"))).contains("vmbr0");
    }

    @Test
    void readingOneNeedsSysAuditAndEveryWriteSysModify() {
        PveHttp audit = new PveHttp(server).token(server.addToken("root@pam", "audit", Set.of("Sys.Audit")));
        assertThat(audit.get("/nodes/pve1/network/vmbr0").status()).isEqualTo(200);
        for (PveHttp.Response r : List.of(audit.post("/nodes/pve1/network", form("iface", "vmbr5", "type", "bridge")),
                audit.put("/nodes/pve1/network/vmbr0", form("type", "bridge")), audit.delete("/nodes/pve1/network/vmbr0"),
                audit.put("/nodes/pve1/network", Map.of()), audit.delete("/nodes/pve1/network"))) {
            assertThat(r.status()).isEqualTo(403);
            assertThat(r.message()).isEqualTo("Permission check failed (/nodes/pve1, Sys.Modify)\n");
        }
        PveHttp none = new PveHttp(server).token(server.faults().tokenWithoutPrivileges());
        assertThat(none.get("/nodes/pve1/network/vmbr0").message()).isEqualTo("Permission check failed (/nodes/pve1, Sys.Audit)\n");
    }

    private static void assertError(PveHttp.Response r, int status, String param, String message) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.json().get("errors").get(param).asText()).isEqualTo(message);
    }
}
