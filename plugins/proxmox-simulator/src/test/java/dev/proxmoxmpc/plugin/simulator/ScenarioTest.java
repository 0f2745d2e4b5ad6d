package dev.proxmoxmpc.plugin.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built-in scenarios hold what docs/simulator.md promises; a user's YAML file is checked against the schema. */
class ScenarioTest {

    private static List<JsonNode> rows(JsonNode data, String type) {
        List<JsonNode> out = new ArrayList<>();
        data.forEach(r -> {
            if (r.get("type").asText().equals(type)) {
                out.add(r);
            }
        });
        return out;
    }

    @Test
    void demoHasThreeNodesTwelveVmsFiveContainersTwoTemplatesThreeStoragesABondPerNodeAndAPool() {
        try (SimulatorServer server = SimulatorServer.start(SimulatorOptions.builder().scenario("demo").build())) {
            PveHttp http = new PveHttp(server);
            JsonNode all = http.get("/cluster/resources").data();
            assertThat(rows(all, "node")).hasSize(3);
            List<JsonNode> qemu = rows(all, "qemu");
            List<JsonNode> vms = qemu.stream().filter(r -> r.get("template").asInt() == 0).toList();
            List<JsonNode> templates = qemu.stream().filter(r -> r.get("template").asInt() == 1).toList();
            assertThat(vms).hasSize(12);
            assertThat(vms.stream().filter(r -> r.get("status").asText().equals("running"))).hasSize(10);
            assertThat(vms.stream().filter(r -> r.get("status").asText().equals("stopped"))).hasSize(2);
            assertThat(templates).hasSize(2).allSatisfy(t -> assertThat(t.get("status").asText()).isEqualTo("stopped"));
            List<JsonNode> cts = rows(all, "lxc");
            assertThat(cts).hasSize(5).allSatisfy(c -> assertThat(c.get("status").asText()).isEqualTo("running"));
            assertThat(http.get("/storage").data()).hasSize(3);
            assertThat(rows(all, "storage")).as("local and local-lvm per node, the shared nfs nas once per node").hasSize(9);
            assertThat(rows(all, "pool")).hasSize(1);
            for (String node : List.of("pve1", "pve2", "pve3")) {
                assertThat(http.get("/nodes/" + node + "/network?type=bridge").data().findValuesAsText("iface"))
                        .containsExactly("vmbr0", "vmbr1");
                JsonNode bond = http.get("/nodes/" + node + "/network/bond0").data();
                assertThat(bond.get("type").asText()).isEqualTo("bond");
                assertThat(bond.get("slaves").asText()).isEqualTo("eno3 eno4");
                assertThat(bond.get("bond_mode").asText()).isEqualTo("active-backup");
            }
            JsonNode web = http.get("/nodes/pve1/qemu/100/config").data();
            assertThat(web.get("agent").asText()).isEqualTo("1");
            assertThat(web.get("ipconfig0").asText()).isEqualTo("ip=10.0.0.101/24,gw=10.0.0.1");
            assertThat(web.get("ciuser").asText()).isEqualTo("admin");
            assertThat(http.get("/pools?poolid=production").data().get(0).get("members")).hasSize(7);
            assertThat(http.get("/cluster/ha/resources").data().findValuesAsText("sid")).containsExactly("ct:202", "vm:101");
            assertThat(http.get("/nodes/pve1/qemu/109/agent/network-get-interfaces").message())
                    .isEqualTo("QEMU guest agent is not running\n");
        }
    }

    @Test
    void loadsHaResourcesAndGuestAgentsSettledAndRefusesAnUnsettledOne(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("ha.yml");
        String nodes = """
                nodes: [{name: pve, interfaces: [{iface: vmbr0, type: bridge, cidr: 192.0.2.10/24}]}]
                storages: [{id: local-lvm, type: lvmthin}]
                """;
        Files.writeString(file, nodes + """
                vms:
                  - {vmid: 100, status: running, ha: {state: started, max_restart: "2"}, config: {agent: "1", net0: "virtio,bridge=vmbr0"}}
                  - {vmid: 101, status: running, guestAgent: false, config: {agent: "1"}}
                  - {vmid: 102, ha: {state: stopped}}
                  - {vmid: 103, status: running, ha: {state: ignored}}
                """);
        try (SimulatorServer server = SimulatorServer.start(SimulatorOptions.builder().scenarioFile(file).build())) {
            PveHttp http = new PveHttp(server);
            JsonNode vms = http.get("/cluster/resources?type=vm").data();
            assertThat(vms.findValuesAsText("hastate")).containsExactly("started", "stopped", "ignored");
            assertThat(http.get("/cluster/ha/resources/vm:100").data().get("max_restart").asInt()).isEqualTo(2);
            JsonNode eth0 = http.get("/nodes/pve/qemu/100/agent/network-get-interfaces").data().get("result").get(1);
            assertThat(eth0.get("ip-addresses").get(0).get("ip-address").asText()).as("192.0.2.128 + 100").isEqualTo("192.0.2.228");
            assertThat(http.get("/nodes/pve/qemu/101/agent/network-get-interfaces").message()).isEqualTo("QEMU guest agent is not running\n");
        }
        Files.writeString(file, nodes + "vms: [{vmid: 100, ha: {state: started}}]\n");
        assertThatThrownBy(() -> SimulatorServer.start(SimulatorOptions.builder().scenarioFile(file).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("guest 100: HA state 'started' needs status running");
        Files.writeString(file, nodes + "vms: [{vmid: 100, ha: {state: on}}]\n");
        assertThatThrownBy(() -> SimulatorServer.start(SimulatorOptions.builder().scenarioFile(file).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("guest 100: ha state: value 'on' does not have a value");
        Files.writeString(file, nodes + "containers: [{vmid: 200, guestAgent: true}]\n");
        assertThatThrownBy(() -> SimulatorServer.start(SimulatorOptions.builder().scenarioFile(file).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("guest 200: guestAgent is for VMs, a container has no guest agent");
    }

    @Test
    void largeScenarioStartsAndServesClusterResources() {
        try (SimulatorServer server = SimulatorServer.start(SimulatorOptions.builder().scenario("large:10000").build())) {
            JsonNode vms = new PveHttp(server).get("/cluster/resources?type=vm").data();
            assertThat(vms).hasSize(10000);
            assertThat(server.guestCount()).isEqualTo(10000);
        }
    }

    @Test
    void loadsAUsersYamlScenario(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("mine.yml");
        Files.writeString(file, """
                cluster: homelab
                nodes:
                  - name: nuc
                    interfaces:
                      - {iface: vmbr0, type: bridge, cidr: 192.0.2.10/24}
                storages:
                  - {id: local-zfs, type: zfspool, content: "images,rootdir", props: {pool: rpool/data}}
                containers:
                  - vmid: 300
                    node: nuc
                    status: running
                    config: {hostname: pihole, rootfs: "local-zfs:4", net0: "name=eth0,bridge=vmbr0,ip=dhcp", tags: "DNS,home"}
                """);
        try (SimulatorServer server = SimulatorServer.start(SimulatorOptions.builder().scenarioFile(file).build())) {
            PveHttp http = new PveHttp(server);
            JsonNode cfg = http.get("/nodes/nuc/lxc/300/config").data();
            assertThat(cfg.get("rootfs").asText()).isEqualTo("local-zfs:subvol-300-disk-0,size=4G");
            assertThat(cfg.get("tags").asText()).isEqualTo("dns;home");
            assertThat(http.get("/cluster/status").data().get(0).get("name").asText()).isEqualTo("homelab");
        }
    }

    @Test
    void theYamlExampleInTheDocsLoads(@TempDir Path dir) throws IOException {
        Path doc = Path.of("../../docs/simulator.md");
        String text = Files.readString(doc);
        int start = text.indexOf("```yaml\n") + 8;
        Path file = dir.resolve("doc.yml");
        Files.writeString(file, text.substring(start, text.indexOf("```", start)));
        try (SimulatorServer server = SimulatorServer.start(SimulatorOptions.builder().scenarioFile(file).build())) {
            PveHttp http = new PveHttp(server);
            assertThat(http.get("/nodes/nuc/qemu/100/config").data().get("scsi0").asText())
                    .isEqualTo("local-zfs:vm-100-disk-0,discard=on,size=32G");
            assertThat(http.get("/nodes/nuc/qemu/9000/config").data().get("template").asInt()).isEqualTo(1);
            assertThat(http.get("/cluster/ha/resources/vm:100").data().get("comment").asText()).isEqualTo("kept running");
            assertThat(http.get("/nodes/nuc/qemu/100/agent/network-get-interfaces").status()).isEqualTo(200);
        }
    }

    @Test
    void rejectsAScenarioWithAnUnknownConfigKey(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bad.yml");
        Files.writeString(file, """
                nodes: [{name: pve}]
                storages: [{id: local-lvm, type: lvmthin}]
                vms:
                  - {vmid: 100, config: {name: x, colour: blue}}
                """);
        assertThatThrownBy(() -> SimulatorServer.start(SimulatorOptions.builder().scenarioFile(file).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("guest 100: 'colour' is not a qemu config key");
    }

    @Test
    void rejectsAnUnknownScenarioName() {
        assertThatThrownBy(() -> SimulatorServer.start(SimulatorOptions.builder().scenario("nope").build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown scenario 'nope'");
    }
}
