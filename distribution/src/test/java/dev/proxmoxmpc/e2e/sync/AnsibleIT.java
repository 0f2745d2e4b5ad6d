package dev.proxmoxmpc.e2e.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.proxmoxmpc.plugin.simulator.SimulatorOptions;
import dev.proxmoxmpc.plugin.simulator.SimulatorServer;
import java.nio.file.Files;
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

    @Test
    void theProvisionPlaybookCreatesWhatIsMissingThenChangesNothing(@TempDir Path tmp) throws Exception {
        Ansible.requireProxmoxer(tmp.resolve("probe"));
        try (SimulatorServer sim = SimulatorServer.start(SimulatorOptions.builder().scenario("demo").port(0).build())) {
            SyncProject p = SyncProject.init(tmp, sim);
            Path config = p.dir.resolve(".proxmox/config.yml");
            // Debian's ansible 7.7 has the Proxmox modules in community.general
            Files.writeString(config, Files.readString(config) + "generators:\n  ansible:\n    collection: community.general\n");
            p.ok("sync");
            p.ok("create", "container", "--hostname", "new-ct", "--node", "pve1",
                    "--ostemplate", "local:vztmpl/debian-12-standard_12.7-1_amd64.tar.zst");
            String playbook = Files.readString(p.dir.resolve("ansible/provision.yml"));
            assertThat(playbook).as("a demo container: the newest debian template on its node")
                    .contains("ostemplate: \"local:vztmpl/debian-12-standard_12.7-1_amd64.tar.zst\"  # the newest debian template on pve1");
            String[] token = sim.tokenId().split("!");
            Map<String, String> env = Map.of("PROXMOX_MPC_DEFAULT_SECRET", sim.tokenSecret(), "PROXMOX_USER", token[0],
                    "PROXMOX_TOKEN_ID", token[1], "REQUESTS_CA_BUNDLE", p.dir.resolve(".proxmox/pve-root-ca.pem").toString());

            Ansible.Run first = Ansible.run(p.dir, env, "ansible-playbook", "ansible/provision.yml");

            assertThat(first.exitCode()).as(first.both()).isZero();
            assertThat(recap(first)).as(first.both()).containsPattern("changed=[1-9]").contains("failed=0");
            Ansible.Run second = Ansible.run(p.dir, env, "ansible-playbook", "ansible/provision.yml");
            assertThat(second.exitCode()).as(second.both()).isZero();
            assertThat(recap(second)).as(second.both()).contains("changed=0", "failed=0");
        }
    }

    @Test
    void theDynamicInventoryTrustsTheClusterCaInitSaved(@TempDir Path tmp) throws Exception {
        Ansible.requireProxmoxer(tmp.resolve("probe"));
        try (SimulatorServer sim = SimulatorServer.start(SimulatorOptions.builder().scenario("demo").port(0).build())) {
            SyncProject p = SyncProject.init(tmp, sim);
            Path ca = p.dir.resolve(".proxmox/pve-root-ca.pem");
            assertThat(ca).as("init pinned pve-ssl.pem, so it saved the CA that signed it").hasContent(sim.caPem().strip());
            Path config = p.dir.resolve(".proxmox/config.yml");
            Files.writeString(config, Files.readString(config) + "generators:\n  ansible:\n    collection: community.general\n");
            p.ok("sync");
            assertThat(Files.readString(p.dir.resolve("ansible/proxmox.yml")))
                    .contains("validate_certs: true", "REQUESTS_CA_BUNDLE=\"$PWD/.proxmox/pve-root-ca.pem\"");
            String[] token = sim.tokenId().split("!");
            Map<String, String> env = Map.of("PROXMOX_MPC_DEFAULT_SECRET", sim.tokenSecret(), "PROXMOX_USER", token[0],
                    "PROXMOX_TOKEN_ID", token[1], "REQUESTS_CA_BUNDLE", ca.toString());

            Ansible.Run list = Ansible.run(p.dir, env, "ansible-inventory", "-i", "ansible/proxmox.yml", "--list");

            assertThat(list.exitCode()).as(list.both()).isZero();
            assertThat(list.both()).doesNotContain("CERTIFICATE_VERIFY_FAILED");
            JsonNode hosts = new ObjectMapper().readTree(list.stdout()).path("_meta").path("hostvars");
            assertThat(hosts.has("ci-runner-01")).as(list.stdout()).isTrue();
            assertThat(hosts.has("dns-01")).isTrue();
            Ansible.Run untrusted = Ansible.run(p.dir, Map.of("PROXMOX_MPC_DEFAULT_SECRET", sim.tokenSecret(),
                            "PROXMOX_USER", token[0], "PROXMOX_TOKEN_ID", token[1]),
                    "ansible-inventory", "-i", "ansible/proxmox.yml", "--list");
            assertThat(untrusted.both()).as("without the CA, verification refuses the server").contains("CERTIFICATE_VERIFY_FAILED");
        }
    }

    private static String recap(Ansible.Run run) {
        int at = run.stdout().indexOf("PLAY RECAP");
        return at < 0 ? "" : run.stdout().substring(at);
    }
}
