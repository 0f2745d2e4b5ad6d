package dev.proxmoxmpc.plugin.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proxmoxmpc.spi.iac.GeneratedFile;
import dev.proxmoxmpc.spi.model.Inventory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every Mermaid diagram the plugin writes, as a .mmd file or embedded in Markdown, parses with Mermaid's parser. */
class MermaidDiagramsTest {
    private static final Pattern BLOCK = Pattern.compile("```mermaid\\n(.*?)```", Pattern.DOTALL);

    @TempDir
    Path dir;

    @Test
    void demoDiagramsParse() throws Exception {
        assertAllParse(Scenarios.inventory("demo"), 3 + 3);
    }

    @Test
    void largeClusterDiagramsParse() throws Exception {
        assertAllParse(Scenarios.inventory("large:1000"), 6 + 6);
    }

    @Test
    void oddNamesAndCommentsParse() throws Exception {
        assertAllParse(TrickyInventory.build(), 3 + 3);
    }

    @Test
    void theParserRejectsABrokenDiagram() throws Exception {
        Path bad = dir.resolve("bad.mmd");
        Files.writeString(bad, "flowchart LR\n  subgraph a[\"x\"\n  b --> \n");
        Path good = dir.resolve("good.mmd");
        Files.writeString(good, "flowchart LR\n  a[\"x #quot;y#quot;\"] --> b\n");
        List<JsonNode> r = MermaidJs.parse(List.of(bad, good));
        assertThat(r.get(0).get("ok").asBoolean()).isFalse();
        assertThat(r.get(1).get("ok").asBoolean()).isTrue();
    }

    /** @param expected diagram files plus embedded blocks */
    private void assertAllParse(Inventory inventory, int expected) throws IOException, InterruptedException {
        List<Path> files = new ArrayList<>();
        int n = 0;
        for (GeneratedFile f : Scenarios.generate(inventory).files()) {
            if (f.path().endsWith(".mmd")) {
                files.add(write("file-" + n++ + ".mmd", f.content()));
            } else if (f.path().endsWith(".md")) {
                Matcher m = BLOCK.matcher(f.content());
                while (m.find()) {
                    files.add(write("block-" + n++ + "-" + f.path().replace('/', '_') + ".mmd", m.group(1)));
                }
            }
        }
        assertThat(files).hasSize(expected);
        List<JsonNode> results = MermaidJs.parse(files);
        List<String> failures = results.stream().filter(r -> !r.get("ok").asBoolean())
                .map(r -> r.get("file").asText() + ": " + r.path("error").asText()).toList();
        assertThat(failures).isEmpty();
        assertThat(results).allSatisfy(r -> assertThat(r.get("type").asText()).startsWith("flowchart"));
    }

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }
}
