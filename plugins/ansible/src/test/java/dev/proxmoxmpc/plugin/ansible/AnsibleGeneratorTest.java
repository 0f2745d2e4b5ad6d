package dev.proxmoxmpc.plugin.ansible;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proxmoxmpc.spi.diag.Severity;
import dev.proxmoxmpc.spi.iac.GeneratedFile;
import dev.proxmoxmpc.spi.iac.GenerationRequest;
import dev.proxmoxmpc.spi.iac.GenerationResult;
import dev.proxmoxmpc.spi.model.PowerState;
import dev.proxmoxmpc.spi.testkit.ClasspathTemplates;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnsibleGeneratorTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden/small");

    @Test
    void matchesTheGoldenFilesByteForByte() throws IOException {
        Map<String, String> actual = contents(Fixtures.generate(Fixtures.small(), Map.of()));
        if (Boolean.getBoolean("golden.update")) {
            writeGolden(actual);
        }
        Map<String, String> expected = new TreeMap<>();
        try (Stream<Path> files = Files.walk(GOLDEN)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                expected.put(GOLDEN.relativize(p).toString().replace('\\', '/'), Files.readString(p, StandardCharsets.UTF_8));
            }
        }
        assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
        actual.forEach((path, content) -> assertThat(content).as(path + " (update with -Dgolden.update=true)")
                .isEqualTo(expected.get(path)));
    }

    @Test
    void regeneratingUnchangedStateIsByteIdentical() {
        assertThat(contents(Fixtures.generate(Fixtures.demo(), Map.of())))
                .isEqualTo(contents(Fixtures.generate(Fixtures.demo(), Map.of())));
    }

    @Test
    void defaultsToCommunityProxmoxAndOffersCommunityGeneral() {
        Map<String, String> modern = contents(Fixtures.generate(Fixtures.small(), Map.of()));
        Map<String, String> older = contents(Fixtures.generate(Fixtures.small(), Fixtures.generalCollection()));

        assertThat(modern.get("ansible/proxmox.yml")).contains("plugin: community.proxmox.proxmox\n");
        assertThat(modern.get("ansible/provision.yml")).contains("community.proxmox.proxmox_kvm:").doesNotContain("community.general");
        assertThat(older.get("ansible/proxmox.yml")).contains("plugin: community.general.proxmox\n");
        assertThat(older.get("ansible/provision.yml")).contains("community.general.proxmox_kvm:", "community.general.proxmox:")
                .doesNotContain("community.proxmox");
    }

    @Test
    void rejectsAnUnknownCollectionWithAnErrorAndKeepsTheDefault() {
        GenerationResult result = Fixtures.generate(Fixtures.small(), Map.of("collection", "community.nope"));

        assertThat(result.diagnostics()).anyMatch(d -> d.severity() == Severity.ERROR && d.summary().contains("community.nope"));
        assertThat(contents(result).get("ansible/proxmox.yml")).contains("plugin: community.proxmox.proxmox\n");
    }

    @Test
    void rolesFollowTheConfiguredTagMapping() {
        Map<String, Object> options = Map.of("roles", Map.of("web", "", "team-a", "Cache-Server"));
        GenerationResult result = Fixtures.generate(Fixtures.small(), options);
        Map<String, String> files = contents(result);

        assertThat(files).doesNotContainKey("ansible/roles/web_server/tasks/main.yml")
                .containsKeys("ansible/roles/cache_server/tasks/main.yml", "ansible/roles/cache_server/meta/main.yml",
                        "ansible/roles/database/tasks/main.yml", "ansible/playbooks/cache_server.yml");
        assertThat(files.get("ansible/playbooks/cache_server.yml")).contains("hosts: \"tag_team_a_96c288:&running\"");
        assertThat(files.get("ansible/site.yml")).contains("playbooks/cache_server.yml").doesNotContain("web_server");
        assertThat(result.diagnostics()).anyMatch(d -> d.summary().contains("'cache_server'"));
    }

    @Test
    void neverWritesTheTokenSecretAndReferencesVaultVariables() {
        Map<String, String> files = contents(Fixtures.generate(Fixtures.demo(), Map.of()));

        assertThat(files.get("ansible/proxmox.yml")).contains("token_secret: \"{{ lookup('env', 'PROXMOX_MPC_DEFAULT_SECRET') }}\"");
        assertThat(files.get("ansible/group_vars/tag_db.yml")).contains("\"{{ vault_database_admin_password }}\"");
        assertThat(files.get("ansible/roles/database/tasks/main.yml")).contains("no_log: true");
    }

    @Test
    void usesAgentAddressThenStaticAddressThenName() {
        String inventory = contents(Fixtures.generate(Fixtures.small(), Map.of())).get("ansible/inventory.yml");

        assertThat(inventory).contains("    web-01:\n      ansible_host: \"10.0.0.10\"\n")
                .contains("    db.primary:\n      ansible_host: \"10.0.0.11\"\n")
                .contains("    cache:\n      ansible_host: \"10.0.0.20\"\n")
                .contains("    debian-12-template:\n      ansible_host: debian-12-template\n");
    }

    @Test
    void projectTemplatesOverrideTheBundledOnes(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("ansible"));
        Files.writeString(dir.resolve("ansible/site.yml.hbs"), "---\n# mine{{#each roles}} {{role}}{{/each}}\n");
        GenerationResult result = new AnsibleGenerator().generate(new GenerationRequest(Fixtures.small(), "default", "",
                Map.of(), new ClasspathTemplates(dir)));

        assertThat(contents(result).get("ansible/site.yml")).isEqualTo("---\n# mine common database web_server\n");
    }

    @Test
    void anEmptyInventoryStillGivesAValidProject() {
        Map<String, String> files = contents(Fixtures.generate(dev.proxmoxmpc.spi.model.Inventory.empty(), Map.of()));

        assertThat(files.get("ansible/inventory.yml")).contains("all:\n  children:\n    containers: {}\n");
        assertThat(files.get("ansible/provision.yml")).contains("provision_vms: []\n", "provision_containers: []\n");
    }

    @Test
    void reportsGuestsWhoseHostNameDiffersFromTheirName() {
        var inv = Fixtures.small().withGuest(Fixtures.vm(300, "web-01", "pve1", PowerState.RUNNING, Map.of()));
        GenerationResult result = Fixtures.generate(inv, Map.of());

        assertThat(contents(result).get("ansible/inventory.yml")).contains("    web-01-300:\n");
        assertThat(result.diagnostics()).anyMatch(d -> d.summary().contains("guest 300 'web-01' is host 'web-01-300'"));
    }

    @Test
    void pausedGuestsAreInNeitherRunningNorStopped() {
        var inv = Fixtures.small().withGuest(Fixtures.vm(300, "paused", "pve1", PowerState.PAUSED, Map.of()));
        String inventory = contents(Fixtures.generate(inv, Map.of())).get("ansible/inventory.yml");

        assertThat(inventory.substring(inventory.indexOf("    running:"), inventory.indexOf("    tag_"))).doesNotContain("paused");
    }

    static Map<String, String> contents(GenerationResult result) {
        Map<String, String> out = new TreeMap<>();
        for (GeneratedFile f : result.files()) {
            out.put(f.path(), f.content());
        }
        return out;
    }

    private static void writeGolden(Map<String, String> files) throws IOException {
        if (Files.exists(GOLDEN)) {
            try (Stream<Path> old = Files.walk(GOLDEN)) {
                for (Path p : old.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        for (var e : files.entrySet()) {
            Path p = GOLDEN.resolve(e.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, e.getValue(), StandardCharsets.UTF_8);
        }
    }

}
