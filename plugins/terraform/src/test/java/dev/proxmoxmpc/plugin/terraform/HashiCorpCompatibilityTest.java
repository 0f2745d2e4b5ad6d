package dev.proxmoxmpc.plugin.terraform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.proxmoxmpc.plugin.terraform.parse.HclParser;
import dev.proxmoxmpc.plugin.terraform.parse.HclSyntaxException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks the generated files with HashiCorp's own HCL parser (@cdktf/hcl2json) and the bpg/proxmox 0.111.1 schema,
 * and our parser against HashiCorp's on generated and hand-written files. Needs node and npm (skips otherwise,
 * fails under MPC_REQUIRE_EXTERNAL=1).
 */
class HashiCorpCompatibilityTest {
    @TempDir
    static Path dir;
    /** The generated demo and tricky files plus a hand-written sample, and HashiCorp's parse of each (one node run). */
    private static List<Path> files;
    private static List<JsonNode> theirs;

    @BeforeAll
    static void generateAndParse() throws Exception {
        files = new ArrayList<>(Generation.write(Generation.generate(FirewallObjects.demo()), dir));
        files.add(dir.resolve("terraform/environments/default.tfvars"));
        files.addAll(Generation.write(Generation.generate(Inventories.load("fixtures/tricky.json")), dir.resolve("tricky")));
        files.addAll(Generation.write(Generation.generate(Inventories.load("fixtures/small.json")), dir.resolve("small")));
        files.add(resource("hcl/good/hand-written.tf"));
        theirs = HashiCorpHcl.parse(files);
    }

    private static List<Path> generated() {
        return files.stream().filter(f -> f.toString().endsWith(".tf") && f.startsWith(dir)).toList();
    }

    @Test
    void generatedDemoFilesParseWithHashiCorpsParser() {
        assertThat(theirs).hasSize(files.size());
        assertThat(files).filteredOn(f -> f.startsWith(dir.resolve("terraform"))).hasSizeGreaterThan(25);
        assertThat(theirs).allSatisfy(r -> assertThat(r.path("ok").asBoolean()).as(r.toString()).isTrue());
    }

    @Test
    void generatedFilesUseOnlyResourcesBlocksAndAttributesOfTheBpgSchema() throws Exception {
        HashiCorpHcl.Run run = HashiCorpHcl.checkSchema(generated());
        assertThat(run.exit()).as(run.out()).isZero();
        assertThat(run.out()).contains("schema check passed");

        JsonNode schema = new ObjectMapper().readTree(HashiCorpHcl.testdata().resolve("terraform/bpg-schema.json").toFile());
        List<String> problems = new ArrayList<>();
        int resources = 0;
        for (int i = 0; i < files.size(); i++) {
            if (!generated().contains(files.get(i))) {
                continue;
            }
            JsonNode file = theirs.get(i);
            for (Iterator<Map.Entry<String, JsonNode>> types = file.path("json").path("resource").fields(); types.hasNext(); ) {
                Map.Entry<String, JsonNode> type = types.next();
                JsonNode attrs = resource(schema, type.getKey()).path("attributes");
                assertThat(attrs.isMissingNode()).as("resource type " + type.getKey() + " in bpg-schema.json").isFalse();
                for (JsonNode instances : type.getValue()) {
                    for (JsonNode body : instances) {
                        body.fields().forEachRemaining(e -> {
                            // Terraform's own meta-arguments (lifecycle on storages with secrets) are no provider schema
                            if (!e.getKey().equals("lifecycle")) {
                                walk(type.getKey(), e.getKey(), e.getValue(), attrs, problems);
                            }
                        });
                        resources++;
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(resources).isGreaterThan(30);
    }

    /**
     * @return the schema of a resource type: bpg-schema.json is keyed by the long name and gives the short name a
     *         framework resource is also registered under ({@code short_name_alias}, same schema, see its _meta)
     */
    private static JsonNode resource(JsonNode schema, String type) {
        JsonNode byName = schema.path("resources").path(type);
        if (!byName.isMissingNode()) {
            return byName;
        }
        for (JsonNode r : schema.path("resources")) {
            if (type.equals(r.path("short_name_alias").asText())) {
                return r;
            }
        }
        return byName;
    }

    @Test
    void storagesBondsAndNetworksAreGeneratedUnderTheProvidersShortNames() throws Exception {
        List<String> types = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            if (generated().contains(files.get(i))) {
                theirs.get(i).path("json").path("resource").fieldNames().forEachRemaining(types::add);
            }
        }
        assertThat(types).contains("proxmox_storage_directory", "proxmox_storage_lvmthin", "proxmox_storage_nfs",
                "proxmox_storage_pbs", "proxmox_storage_cifs", "proxmox_network_linux_bridge", "proxmox_network_linux_vlan",
                "proxmox_network_linux_bond").noneMatch(t -> t.startsWith("proxmox_virtual_environment_network")
                        || t.startsWith("proxmox_virtual_environment_storage"));
    }

    private static void walk(String where, JsonNode body, JsonNode attrs, List<String> problems) {
        body.fields().forEachRemaining(e -> walk(where, e.getKey(), e.getValue(), attrs, problems));
    }

    private static void walk(String where, String key, JsonNode value, JsonNode attrs, List<String> problems) {
        JsonNode a = attrs.path(key);
        if (a.isMissingNode()) {
            problems.add(where + "." + key + " is not in the schema");
        } else if (!a.path("optional").asBoolean() && !a.path("required").asBoolean()) {
            problems.add(where + "." + key + " is read-only");
        } else if (a.path("type").asText().equals("block")) {
            if (a.has("max_items") && value.size() > a.get("max_items").asInt()) {
                problems.add(where + "." + key + ": more than max_items blocks");
            }
            value.forEach(inst -> walk(where + "." + key, inst, a.path("block"), problems));
        }
    }

    @Test
    void ourParserReadsGeneratedAndHandWrittenFilesLikeHashiCorps() throws Exception {
        for (int i = 0; i < files.size(); i++) {
            String src = Files.readString(files.get(i), StandardCharsets.UTF_8);
            JsonNode ours = HclJson.body(HclParser.parse(files.get(i).getFileName().toString(), src), src);
            assertThat(ours).as(files.get(i).toString()).isEqualTo(theirs.get(i).path("json"));
        }
    }

    @Test
    void brokenFilesAreRejectedByBothParsers() throws Exception {
        List<Path> broken;
        try (Stream<Path> s = Files.list(resource("hcl/broken"))) {
            broken = s.sorted().toList();
        }
        assertThat(broken).hasSizeGreaterThanOrEqualTo(8);
        List<JsonNode> theirs = HashiCorpHcl.parse(broken);
        for (int i = 0; i < broken.size(); i++) {
            Path f = broken.get(i);
            assertThat(theirs.get(i).path("ok").asBoolean()).as("hcl2json accepts " + f).isFalse();
            String src = Files.readString(f, StandardCharsets.UTF_8);
            assertThatThrownBy(() -> HclParser.parse(f.getFileName().toString(), src)).as(f.toString())
                    .isInstanceOf(HclSyntaxException.class).hasMessageStartingWith(f.getFileName() + ":");
        }
    }

    private static Path resource(String name) {
        return Path.of("src/test/resources").resolve(name).toAbsolutePath();
    }
}
