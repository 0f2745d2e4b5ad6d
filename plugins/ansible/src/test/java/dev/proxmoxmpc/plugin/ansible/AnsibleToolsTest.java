package dev.proxmoxmpc.plugin.ansible;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo inventory's generated project checked by the real Ansible (Debian bookworm: ansible 7.7, so with
 * {@code collection: community.general}).
 */
class AnsibleToolsTest {
    @TempDir
    static Path work;
    static Path project;
    static Path ansible;
    static Map<String, String> env;

    @BeforeAll
    static void generateTheDemoProject() throws IOException {
        project = Files.createDirectories(work.resolve("project"));
        Fixtures.write(Fixtures.generate(Fixtures.demo(), Fixtures.generalCollection()), project);
        ansible = project.resolve("ansible");
        env = Map.of("ANSIBLE_INVENTORY_ANY_UNPARSED_IS_FAILED", "true",
                "ANSIBLE_ROLES_PATH", ansible.resolve("roles").toString(),
                "ANSIBLE_LOCAL_TEMP", Files.createDirectories(work.resolve("tmp")).toString());
    }

    @Test
    void ansibleInventoryListsEveryGuestInTheExpectedGroups() throws Exception {
        ExternalTool.require("ansible-inventory");
        ExternalTool.Run run = ExternalTool.run(project, env, "ansible-inventory", "-i", "ansible/inventory.yml", "--list");

        assertThat(run.exitCode()).as(run.both()).isZero();
        assertThat(run.stderr()).doesNotContain("Invalid characters", "WARNING");
        JsonNode json = new ObjectMapper().readTree(run.stdout());
        JsonNode hostvars = json.path("_meta").path("hostvars");
        assertThat(names(hostvars)).hasSize(19);
        assertThat(hostvars.path("web-0").path("ansible_host").asText()).isEqualTo("10.2.0.10");
        assertThat(hostvars.path("db.1.lab").path("ansible_host").asText()).isEqualTo("10.1.0.11");
        assertThat(hostvars.path("ct-0").path("ansible_host").asText()).isEqualTo("ct-0");
        assertThat(hostvars.path("db.1.lab").path("proxmox_vmid").asInt()).isEqualTo(102);
        assertThat(hostvars.path("app2").path("proxmox_node").asText()).isEqualTo("pve-3.lab");

        assertThat(hosts(json, "vms")).hasSize(12).contains("web-0", "db.1.lab", "app11").doesNotContain("debian-12.tmpl");
        assertThat(hosts(json, "containers")).containsExactlyInAnyOrder("ct-0", "ct-1", "ct-2", "ct-3", "ct-4");
        assertThat(hosts(json, "running")).hasSize(14).doesNotContain("db.10.lab", "app11", "ct-4");
        assertThat(hosts(json, "stopped")).containsExactlyInAnyOrder("db.10.lab", "app11", "ct-4");
        assertThat(hosts(json, "templates")).containsExactlyInAnyOrder("debian-12.tmpl", "alpine-tmpl");
        assertThat(hosts(json, "node_pve_3_lab")).containsExactlyInAnyOrder("app2", "app5", "app8", "app11", "ct-2");
        assertThat(hosts(json, "pool_prod")).containsExactlyInAnyOrder("web-0", "db.1.lab", "app2", "web-3", "db.4.lab", "app5");
        assertThat(hosts(json, "tag_web")).containsExactlyInAnyOrder("web-0", "web-3", "db.4.lab", "db.7.lab", "app8", "app11");
        assertThat(hosts(json, "tag_db")).containsExactlyInAnyOrder("db.1.lab", "app5", "web-9", "ct-0", "ct-2", "ct-4")
                .doesNotContain("debian-12.tmpl");
        assertThat(hosts(json, "tag_prod_eu")).hasSize(3);
        assertThat(hosts(json, "tag_cafe")).containsExactlyInAnyOrder("app2", "web-6", "db.10.lab");
        assertThat(hosts(json, "tag_u65e5u672c")).containsExactlyInAnyOrder("web-3", "db.7.lab", "app11");
        assertThat(hosts(json, "tag_k8s_node")).containsExactlyInAnyOrder("web-3", "db.7.lab", "app11");
        List<String> teamGroups = names(json).stream().filter(g -> g.startsWith("tag_team_a_")).toList();
        assertThat(teamGroups).hasSize(2);
        teamGroups.forEach(g -> assertThat(hosts(json, g)).containsExactlyInAnyOrder("ct-1", "ct-3"));
    }

    @Test
    void syntaxCheckAcceptsSiteAndProvisionPlaybooks() throws Exception {
        ExternalTool.require("ansible-playbook");
        ExternalTool.Run run = ExternalTool.run(project, env, "ansible-playbook", "--syntax-check", "-i", "ansible/inventory.yml",
                "ansible/site.yml", "ansible/provision.yml");

        assertThat(run.exitCode()).as(run.both()).isZero();
        assertThat(run.stdout()).contains("playbook: ansible/site.yml", "playbook: ansible/provision.yml");
    }

    @Test
    void ansibleLintPassesOfflineAndStrict() throws Exception {
        ExternalTool.require("ansible-lint");
        List<String> command = new ArrayList<>(List.of("ansible-lint", "--offline", "--strict", "-p", "site.yml", "provision.yml",
                "playbooks", "inventory.yml", "proxmox.yml", "group_vars"));
        try (var roles = Files.list(ansible.resolve("roles"))) {
            roles.sorted().forEach(r -> command.add("roles/" + r.getFileName()));
        }
        ExternalTool.Run run = ExternalTool.run(ansible, env, command.toArray(String[]::new));

        assertThat(run.exitCode()).as(run.both()).isZero();
        assertThat(run.stderr()).containsPattern("Passed with .*production.* profile");
    }

    private static List<String> hosts(JsonNode json, String group) {
        List<String> out = new ArrayList<>();
        json.path(group).path("hosts").forEach(h -> out.add(h.asText()));
        return out;
    }

    private static List<String> names(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
