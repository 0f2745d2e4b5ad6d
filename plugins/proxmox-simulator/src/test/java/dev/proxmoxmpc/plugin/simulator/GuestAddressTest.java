package dev.proxmoxmpc.plugin.simulator;

import static dev.proxmoxmpc.plugin.simulator.PveHttp.form;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code GET .../qemu/{vmid}/agent/network-get-interfaces} and {@code GET .../lxc/{vmid}/interfaces} on the demo:
 * static and leased addresses, link-local IPv6 from the MACs of the config, qemu-server's three refusals in its
 * order, a stopped container's {@code null}, privileges.
 */
class GuestAddressTest {
    private static final String AGENT = "/agent/network-get-interfaces";

    private final SimulatorServer server = SimulatorServer.start(SimulatorOptions.builder().scenario("demo").taskDurationMs(20).build());
    private final PveHttp http = new PveHttp(server);

    @AfterEach
    void stop() {
        server.close();
    }

    private String mac(String path, String key) {
        String net = http.get(path + "/config").data().get(key).asText();
        for (String part : net.split(",")) {
            if (part.matches(".*=([0-9A-F]{2}:){5}[0-9A-F]{2}")) {
                return part.substring(part.indexOf('=') + 1).toLowerCase(Locale.ROOT);
            }
        }
        throw new AssertionError("no MAC in " + net);
    }

    private static List<String> addresses(JsonNode iface) {
        List<String> out = new ArrayList<>();
        iface.get("ip-addresses").forEach(a -> out.add(a.get("ip-address-type").asText() + " " + a.get("ip-address").asText()
                + "/" + a.get("prefix").asInt()));
        return out;
    }

    private static void assertFailed(PveHttp.Response r, String message) {
        assertThat(r.status()).as(r.body()).isEqualTo(500);
        assertThat(r.message()).isEqualTo(message + "\n");
    }

    @Test
    void theAgentOfARunningVmReportsLoopbackAndItsStaticAddressWithTheMacOfItsConfig() {
        JsonNode result = http.get("/nodes/pve1/qemu/100" + AGENT).data().get("result");
        assertThat(result).hasSize(2);
        assertThat(result.get(0).get("name").asText()).isEqualTo("lo");
        assertThat(addresses(result.get(0))).containsExactly("ipv4 127.0.0.1/8", "ipv6 ::1/128");
        JsonNode eth0 = result.get(1);
        assertThat(eth0.get("name").asText()).isEqualTo("eth0");
        assertThat(eth0.get("hardware-address").asText()).isEqualTo(mac("/nodes/pve1/qemu/100", "net0"));
        assertThat(addresses(eth0)).hasSize(2).first().isEqualTo("ipv4 10.0.0.101/24");
        assertThat(eth0.get("statistics").get("rx-bytes").asLong()).isPositive();
        assertThat(eth0.get("statistics").has("tx-dropped")).isTrue();

        http.put("/nodes/pve1/qemu/100/config", form("net0", "virtio=BC:24:11:0A:0B:0C,bridge=vmbr0"));
        JsonNode changed = http.get("/nodes/pve1/qemu/100" + AGENT).data().get("result").get(1);
        assertThat(changed.get("hardware-address").asText()).isEqualTo("bc:24:11:0a:0b:0c");
        assertThat(addresses(changed)).containsExactly("ipv4 10.0.0.101/24", "ipv6 fe80::be24:11ff:fe0a:b0c/64");
    }

    @Test
    void aDhcpVmGetsTheLeaseOfItsVmidOnItsBridgesSubnetAndNoneOnATaggedVlan() {
        JsonNode ci = http.get("/nodes/pve3/qemu/108" + AGENT).data().get("result");
        assertThat(addresses(ci.get(1)).get(0)).as("10.0.0.0/24: .128 + 108 mod 127").isEqualTo("ipv4 10.0.0.236/24");
        JsonNode monitoring = http.get("/nodes/pve1/qemu/106" + AGENT).data().get("result");
        assertThat(monitoring).extracting(i -> i.get("name").asText()).containsExactly("lo", "eth0", "eth1");
        assertThat(addresses(monitoring.get(2))).singleElement().asString().startsWith("ipv6 fe80::");
        assertThat(http.get("/nodes/pve2/lxc/204/interfaces").data().get(1).get("inet").asText())
                .as(".128 + 204 mod 127").isEqualTo("10.0.0.205/24");
    }

    @Test
    void refusesInQemuServersOrderConfiguredThenRunningThenAnswering() {
        assertFailed(http.get("/nodes/pve2/qemu/110" + AGENT), "VM 110 is not running");
        assertFailed(http.get("/nodes/pve1/qemu/109" + AGENT), "QEMU guest agent is not running");
        assertFailed(http.get("/nodes/pve1/qemu/999" + AGENT), "Configuration file 'nodes/pve1/qemu-server/999.conf' does not exist");
        http.put("/nodes/pve2/qemu/110/config", form("delete", "agent"));
        assertFailed(http.get("/nodes/pve2/qemu/110" + AGENT), "No QEMU guest agent configured");
        http.put("/nodes/pve1/qemu/100/config", form("agent", "enabled=0"));
        assertFailed(http.get("/nodes/pve1/qemu/100" + AGENT), "QEMU guest agent is not running");
        http.put("/nodes/pve1/qemu/100/config", form("agent", "1,fstrim_cloned_disks=1"));
        assertThat(http.get("/nodes/pve1/qemu/100" + AGENT).status()).isEqualTo(200);
        assertFailed(http.get("/nodes/pve2/qemu/100" + AGENT), "Configuration file 'nodes/pve2/qemu-server/100.conf' does not exist");
    }

    @Test
    void anAgentThatStopsAnsweringFailsUntilItAnswersAgain() {
        server.faults().guestAgent(100, false);
        assertFailed(http.get("/nodes/pve1/qemu/100" + AGENT), "QEMU guest agent is not running");
        server.faults().guestAgent(100, true);
        assertThat(http.get("/nodes/pve1/qemu/100" + AGENT).status()).isEqualTo(200);
    }

    @Test
    void aRunningContainerListsItsInterfacesWithLastAddressPerFamilyAndAllOfThem() {
        JsonNode ifaces = http.get("/nodes/pve1/lxc/200/interfaces").data();
        assertThat(ifaces).extracting(i -> i.get("name").asText()).containsExactly("lo", "eth0");
        assertThat(ifaces.get(0).get("inet").asText()).isEqualTo("127.0.0.1/8");
        assertThat(ifaces.get(0).get("inet6").asText()).isEqualTo("::1/128");
        JsonNode eth0 = ifaces.get(1);
        String mac = mac("/nodes/pve1/lxc/200", "net0");
        assertThat(eth0.get("hwaddr").asText()).isEqualTo(mac);
        assertThat(eth0.get("hardware-address").asText()).isEqualTo(mac);
        assertThat(eth0.get("inet").asText()).isEqualTo("10.0.0.53/24");
        assertThat(eth0.get("inet6").asText()).startsWith("fe80::").endsWith("/64");
        assertThat(addresses(eth0)).hasSize(2).first().isEqualTo("ipv4 10.0.0.53/24");
    }

    @Test
    void aContainerWithAStaticIpv6ReportsItBeforeItsLinkLocalOne() {
        http.put("/nodes/pve1/lxc/203/config", form("net0", "name=eth0,bridge=vmbr0,ip=manual,ip6=2001:db8::90/64"));
        JsonNode eth0 = http.get("/nodes/pve1/lxc/203/interfaces").data().get(1);
        assertThat(eth0.has("inet")).as("ip=manual configures no IPv4").isFalse();
        assertThat(addresses(eth0)).hasSize(2).first().isEqualTo("ipv6 2001:db8::90/64");
        assertThat(eth0.get("inet6").asText()).as("the last IPv6 address, as pve-container keeps it").startsWith("fe80::");
    }

    @Test
    void aStoppedOrUnknownContainerHasNoInterfaces() {
        assertThat(http.runTask(http.post("/nodes/pve1/lxc/200/status/stop", form()))).isEqualTo("OK");
        PveHttp.Response stopped = http.get("/nodes/pve1/lxc/200/interfaces");
        assertThat(stopped.status()).isEqualTo(200);
        assertThat(stopped.data().isNull()).isTrue();
        assertThat(http.get("/nodes/pve1/lxc/999/interfaces").data().isNull()).isTrue();
        assertThat(http.get("/nodes/pve2/lxc/203/interfaces").data().isNull()).as("not on that node").isTrue();
    }

    @Test
    void theAgentNeedsAGuestAgentPrivilegeAndTheContainerListVmAudit() {
        PveHttp audit = new PveHttp(server).token(server.addToken("root@pam", "audit", Set.of("VM.Audit")));
        PveHttp.Response denied = audit.get("/nodes/pve1/qemu/100" + AGENT);
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.message()).isEqualTo("Permission check failed (/vms/100, VM.GuestAgent.Audit|VM.GuestAgent.Unrestricted)\n");
        assertThat(audit.get("/nodes/pve1/lxc/200/interfaces").status()).isEqualTo(200);
        PveHttp agent = new PveHttp(server).token(server.addToken("root@pam", "agent", Set.of("VM.GuestAgent.Audit")));
        assertThat(agent.get("/nodes/pve1/qemu/100" + AGENT).status()).isEqualTo(200);
        PveHttp.Response noAudit = agent.get("/nodes/pve1/lxc/200/interfaces");
        assertThat(noAudit.status()).isEqualTo(403);
        assertThat(noAudit.message()).isEqualTo("Permission check failed (/vms/200, VM.Audit)\n");
    }
}
