package dev.proxmoxmpc.e2e.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.proxmoxmpc.plugin.simulator.SimulatorOptions;
import dev.proxmoxmpc.plugin.simulator.SimulatorServer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated ansible/ folder used by the real Ansible against the demo simulator, from /init and /sync on. */
class AnsibleIT {

    @Test
    void theInventoryConnectsToTheAddressesTheGuestAgentsReport(@TempDir Path tmp) throws Exception {
        Ansible.require();
        try (SimulatorServer sim = SimulatorServer.start(SimulatorOptions.builder().scenario("demo").port(0).build())) {
            SyncProject p = SyncProject.init(tmp, sim);
            p.ok("sync");

            Ansible.Run list = Ansible.run(p.dir, Map.of(), "ansible-inventory", "-i", "ansible/inventory.yml", "--list");

            assertThat(list.exitCode()).as(list.both()).isZero();
            JsonNode hosts = new ObjectMapper().readTree(list.stdout()).path("_meta").path("hostvars");
            assertThat(hosts.path("ci-runner-01").path("ansible_host").asText()).as("its DHCP lease, from the agent").isEqualTo("10.0.0.236");
            assertThat(hosts.path("web-01").path("ansible_host").asText()).isEqualTo("10.0.0.101");
            assertThat(hosts.path("dns-01").path("ansible_host").asText()).as("a container's interface").isEqualTo("10.0.0.53");
        }
    }
}
