package dev.proxmoxmpc.plugin.ansible;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proxmoxmpc.spi.diag.Diagnostic;
import dev.proxmoxmpc.spi.diag.Severity;
import dev.proxmoxmpc.spi.iac.ImportRequest;
import dev.proxmoxmpc.spi.iac.ImportResult;
import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.model.PowerState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnsibleImporterTest {
    @TempDir
    Path root;

    @Test
    void generatedInventoryReadsBackToTheSameDesiredState() {
        Inventory demo = Fixtures.demo();
        Fixtures.write(Fixtures.generate(demo, Map.of()), root);

        ImportResult result = read(demo, "ansible/inventory.yml", "ansible/proxmox.yml");

        assertThat(result.desired()).isEqualTo(demo);
        assertThat(result.diagnostics()).allMatch(d -> d.severity() == Severity.INFO, "only info: " + result.diagnostics());
    }

    @Test
    void tagsPoolsAndPowerStateComeBackFromGroupsEvenWhenTheBaseLostThem() {
        Inventory demo = Fixtures.demo();
        Fixtures.write(Fixtures.generate(demo, Map.of()), root);
        Inventory stripped = demo.withGuests(demo.guests().stream()
                .map(g -> g.template() ? g : g.withConfigValue("tags", "").withPool("").withStatus(PowerState.STOPPED))
                .toList());

        ImportResult result = read(stripped, "ansible/inventory.yml");

        for (Guest want : demo.guests()) {
            Guest got = result.desired().guest(want.vmid()).orElseThrow();
            assertThat(Set.copyOf(got.tags())).as("tags of " + want.vmid()).isEqualTo(Set.copyOf(want.tags()));
            assertThat(got.pool()).as("pool of " + want.vmid()).isEqualTo(want.pool());
            assertThat(got.status()).as("status of " + want.vmid()).isEqualTo(want.status());
        }
        assertThat(result.desired().guest(203).orElseThrow().value("tags")).isEqualTo("team-a;team.a");
    }

    @Test
    void editedMembershipAndNodeBecomeDesiredStateAndTheRestIsReportedWithItsLine() throws IOException {
        Inventory small = Fixtures.small();
        Fixtures.write(Fixtures.generate(small, Map.of()), root);
        Path file = root.resolve("ansible/inventory.yml");
        String text = Files.readString(file)
                .replace("      proxmox_node: pve1\n      proxmox_vmid: 100\n", "      proxmox_node: pve2\n      proxmox_vmid: 100\n      ansible_user: admin\n")
                .replace("    tag_db:  # Proxmox tag db\n      hosts:\n", "    tag_db:  # Proxmox tag db\n      hosts:\n        web-01:\n")
                .replace("    stopped:\n      hosts:\n        db.primary:\n", "    stopped: {}\n")
                .replace("    running:\n      hosts:\n", "    running:\n      hosts:\n        db.primary:\n");
        Files.writeString(file, text);

        ImportResult result = read(small, "ansible/inventory.yml");

        Guest web = result.desired().guest(100).orElseThrow();
        assertThat(web.value("tags")).isEqualTo("db;web");
        assertThat(web.node()).isEqualTo("pve2");
        assertThat(result.desired().guest(101).orElseThrow().status()).isEqualTo(PowerState.RUNNING);
        int line = lineOf(text, "ansible_user: admin");
        assertThat(result.diagnostics()).anyMatch(d -> d.summary().contains("'ansible_user'")
                && d.source().equals("ansible/inventory.yml:" + line));
        assertThat(result.diagnostics()).anyMatch(d -> d.severity() == Severity.WARNING && d.summary().contains("node 'pve1'"));
    }

    @Test
    void aHandWrittenInventoryMapsGroupsToTagsAndReportsWhatItCannotMap() throws IOException {
        write("inventory/hosts.yml", """
                all:
                  vars:
                    ansible_user: admin
                  children:
                    webservers:
                      hosts:
                        web-01:
                        ghost:
                        web[01:03].example.com:
                    db-servers:
                      hosts:
                        other:
                          proxmox_vmid: 101
                          http_port: 8080
                """);

        ImportResult result = read(Fixtures.small(), "inventory/hosts.yml");

        assertThat(result.desired().guest(100).orElseThrow().value("tags")).isEqualTo("webservers");
        assertThat(result.desired().guest(101).orElseThrow().value("tags")).isEqualTo("db-servers");
        assertThat(result.desired().guest(200)).isEqualTo(Fixtures.small().guest(200));
        assertThat(sources(result)).contains("inventory/hosts.yml:3", "inventory/hosts.yml:8", "inventory/hosts.yml:9", "inventory/hosts.yml:10",
                "inventory/hosts.yml:14", "inventory/hosts.yml:5");
        assertThat(result.diagnostics()).anyMatch(d -> d.severity() == Severity.WARNING && d.summary().contains("'ghost'"))
                .anyMatch(d -> d.summary().contains("host range"))
                .anyMatch(d -> d.summary().contains("'http_port'"))
                .anyMatch(d -> d.summary().contains("host 'other' is guest 101") && d.source().equals("inventory/hosts.yml:12"))
                .anyMatch(d -> d.summary().contains("group 'webservers' is imported as a tag"));
    }

    @Test
    void anInventoryWithoutTagGroupsLeavesTagsAlone() throws IOException {
        write("ansible/hosts.yml", "all:\n  hosts:\n    web-01:\n      proxmox_node: pve2\n");

        ImportResult result = read(Fixtures.small(), "ansible/hosts.yml");

        Guest web = result.desired().guest(100).orElseThrow();
        assertThat(web.value("tags")).isEqualTo("web");
        assertThat(web.pool()).isEqualTo("prod");
        assertThat(web.node()).isEqualTo("pve2");
        assertThat(result.diagnostics()).anyMatch(d -> d.summary().contains("no tag groups"));
    }

    @Test
    void brokenYamlAndPlaybooksAreReportedNotThrown() throws IOException {
        write("ansible/inventory.yml", "all:\n  hosts:\n    web-01: [unclosed\n");
        write("ansible/other.yml", "- name: a play\n  hosts: all\n");

        ImportResult result = read(Fixtures.small(), "ansible/inventory.yml", "ansible/other.yml");

        assertThat(result.desired()).isEqualTo(Fixtures.small());
        assertThat(result.diagnostics()).anyMatch(d -> d.severity() == Severity.ERROR && d.source().startsWith("ansible/inventory.yml:"))
                .anyMatch(d -> d.severity() == Severity.INFO && d.source().equals("ansible/other.yml:1"));
    }

    @Test
    void dynamicInventoryConfigIsCheckedForPlainSecretsAndUnknownOptions() throws IOException {
        write("ansible/proxmox.yml", """
                plugin: community.general.proxmox
                url: https://pve:8006
                user: root@pam
                token_id: mpc
                token_secret: 0b7e5d2a-not-a-real-secret
                colour: blue
                """);

        ImportResult result = read(Fixtures.small(), "ansible/proxmox.yml");

        assertThat(result.desired()).isEqualTo(Fixtures.small());
        assertThat(result.diagnostics()).anyMatch(d -> d.severity() == Severity.ERROR && d.source().equals("ansible/proxmox.yml:5"))
                .anyMatch(d -> d.severity() == Severity.WARNING && d.source().equals("ansible/proxmox.yml:6"));
        assertThat(result.diagnostics()).noneMatch(d -> d.toString().contains("0b7e5d2a"));
    }

    @Test
    void handlesInventoriesButNotPlaybooksRolesOrVars() {
        AnsibleImporter importer = new AnsibleImporter();

        assertThat(List.of("ansible/inventory.yml", "ansible/proxmox.yml", "ansible/inventories/prod/hosts.yml",
                "inventory/staging.yml", "ansible/staging.yaml", "prod.proxmox.yml")).allMatch(importer::handles);
        assertThat(List.of("ansible/site.yml", "ansible/provision.yml", "ansible/playbooks/web_server.yml",
                "ansible/roles/common/tasks/main.yml", "ansible/group_vars/all.yml", "ansible/ansible.cfg",
                "terraform/main.tf", "ansible/host_vars/web.yml", "docs/site.yml", "ansible/vault.yml")).noneMatch(importer::handles);
    }

    private ImportResult read(Inventory base, String... files) {
        List<Path> paths = java.util.Arrays.stream(files).map(root::resolve).toList();
        return new AnsibleImporter().read(new ImportRequest(root, paths, base));
    }

    private void write(String path, String text) throws IOException {
        Path p = root.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
    }

    private static Set<String> sources(ImportResult result) {
        return result.diagnostics().stream().map(Diagnostic::source).collect(Collectors.toSet());
    }

    private static int lineOf(String text, String needle) {
        return text.substring(0, text.indexOf(needle)).split("\n", -1).length;
    }
}
