package dev.proxmoxmpc.plugin.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proxmoxmpc.spi.model.ClusterObject;
import dev.proxmoxmpc.spi.model.Inventory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code access.tf}: users, groups, roles, API tokens and ACL entries as bpg resources, with import ids as the
 * provider's importers want them; HashiCorp's parser and the bpg schema accept the file; reading it back gives the
 * same objects, and a hand edit of one attribute exactly that change. Never a password or a token secret.
 */
class AccessTerraformTest {
    @TempDir
    Path dir;

    static final List<ClusterObject> OBJECTS = List.of(
            new ClusterObject("role", "", "VMOperator", Map.of("privs", "VM.Audit,VM.Console,VM.PowerMgmt")),
            new ClusterObject("group", "", "ops", Map.of("comment", "Operations team")),
            new ClusterObject("user", "", "alice@pve", Map.of("enable", "1", "expire", "0", "email", "alice@example.com",
                    "firstname", "Alice", "lastname", "Martin", "groups", "ops", "comment", "On-call operator")),
            new ClusterObject("user", "", "ci@pve", Map.of("enable", "0", "expire", "1893456000")),
            new ClusterObject("user", "", "root@pam", Map.of("enable", "1", "expire", "0", "email", "root@localhost")),
            new ClusterObject("token", "", "ci@pve!deploy", Map.of("comment", "Pipeline", "expire", "0", "privsep", "1")),
            new ClusterObject("token", "", "root@pam!mpc", Map.of("comment", "proxmox-mpc", "expire", "0", "privsep", "0")),
            new ClusterObject("acl", "", "/pool/production|group|ops|PVEVMAdmin", Map.of("propagate", "1")),
            new ClusterObject("acl", "", "/|token|ci@pve!deploy|VMOperator", Map.of("propagate", "1")),
            new ClusterObject("acl", "", "/storage/local|user|alice@pve|PVEDatastoreUser", Map.of("propagate", "0")));

    static Inventory inventory() {
        return new Inventory("demo", List.of(), List.of(), List.of(), List.of(), List.of()).withObjects(OBJECTS);
    }

    private String accessTf() {
        return Generation.byPath(Generation.generate(inventory())).get("terraform/access.tf");
    }

    @Test
    void generatesIdiomaticResourcesWithImportIdsAndNoSecrets() {
        String tf = accessTf();
        assertThat(tf).contains("resource \"proxmox_virtual_environment_role\" \"vmoperator\"")
                .contains("resource \"proxmox_virtual_environment_group\" \"ops\"")
                .contains("resource \"proxmox_virtual_environment_user\" \"alice_pve\"")
                .contains("resource \"proxmox_user_token\"")
                .contains("resource \"proxmox_acl\"")
                .contains("privileges = [\"VM.Audit\", \"VM.Console\", \"VM.PowerMgmt\"]")
                .contains("groups     = [\"ops\"]")
                .contains("expiration_date = \"2030-01-01T00:00:00Z\"")
                .contains("enabled         = false")
                .contains("privileges_separation = false");
        String imports = Generation.byPath(Generation.generate(inventory())).get("terraform/imports.tf");
        assertThat(imports).contains("\"/pool/production?ops?PVEVMAdmin\"").contains("\"ci@pve!deploy\"")
                .contains("\"alice@pve\"").contains("\"VMOperator\"").contains("\"ops\"");
        assertThat(tf).doesNotContain("password =").doesNotContain("acl {").doesNotContain("value =");
        assertThat(tf.indexOf("proxmox_virtual_environment_role")).isLessThan(tf.indexOf("proxmox_virtual_environment_user"));
    }

    @Test
    void readingTheFileBackGivesTheSameObjectsAndAHandEditExactlyThatChange() throws Exception {
        Inventory base = inventory();
        Generation.write(Generation.generate(base), dir);
        var same = Importing.read(dir, base);
        assertThat(same.diagnostics()).isEmpty();
        assertThat(same.desired().objects()).containsExactlyInAnyOrderElementsOf(OBJECTS);

        Path file = dir.resolve("terraform/access.tf");
        String tf = Files.readString(file, StandardCharsets.UTF_8);
        Files.writeString(file, tf.replace("email      = \"alice@example.com\"", "email      = \"alice@corp.example\"")
                .replace("propagate = false", "propagate = true"), StandardCharsets.UTF_8);
        Inventory edited = Importing.read(dir, base).desired();
        assertThat(edited.object("user", "", "alice@pve").orElseThrow().config())
                .isEqualTo(withValue(base, "user", "alice@pve", "email", "alice@corp.example"));
        assertThat(edited.object("acl", "", "/storage/local|user|alice@pve|PVEDatastoreUser").orElseThrow().value("propagate")).isEqualTo("1");
        assertThat(edited.objects().stream().filter(o -> !o.id().equals("alice@pve") && !o.id().startsWith("/storage/local")))
                .allSatisfy(o -> assertThat(base.objects()).contains(o));

        Files.writeString(file, tf.replaceAll("(?s)resource \"proxmox_acl\" \"ops_pvevmadmin[^\\n]*\\n.*?\\n}\\n", ""), StandardCharsets.UTF_8);
        assertThat(Importing.read(dir, base).desired().object("acl", "", "/pool/production|group|ops|PVEVMAdmin"))
                .as("a removed block is a delete").isEmpty();
    }

    private static Map<String, String> withValue(Inventory inv, String kind, String id, String key, String value) {
        Map<String, String> c = new java.util.TreeMap<>(inv.object(kind, "", id).orElseThrow().config());
        c.put(key, value);
        return c;
    }

    @Test
    void hashiCorpsParserAndTheBpgSchemaAcceptTheFile() throws Exception {
        List<Path> files = Generation.write(Generation.generate(inventory()), dir).stream()
                .filter(p -> p.getFileName().toString().equals("access.tf")).toList();
        assertThat(files).hasSize(1);
        List<JsonNode> parsed = HashiCorpHcl.parse(files);
        assertThat(parsed.get(0).path("ok").asBoolean()).as(parsed.get(0).toString()).isTrue();
        assertThat(parsed.get(0).path("json").path("resource").path("proxmox_acl").size()).isEqualTo(3);
        HashiCorpHcl.Run run = HashiCorpHcl.checkSchema(files);
        assertThat(run.exit()).as(run.out()).isZero();
        assertThat(run.out()).contains("schema check passed");
    }
}
