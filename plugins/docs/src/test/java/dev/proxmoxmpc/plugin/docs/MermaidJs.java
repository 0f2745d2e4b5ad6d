package dev.proxmoxmpc.plugin.docs;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Mermaid's own parser: the npm packages {@code mermaid} and {@code jsdom} (src/test/resources/mermaid, installed
 * into target/mermaid-tools once), {@code mermaid.parse} on each file. Skips the calling test without node/npm or
 * when npm cannot install, unless MPC_REQUIRE_EXTERNAL=1.
 */
final class MermaidJs {
    private static Path tools;

    private MermaidJs() {
    }

    static synchronized Path tools() throws IOException, InterruptedException {
        if (tools != null) {
            return tools;
        }
        External.need("the Mermaid parser checks", "node", "--version");
        External.need("the Mermaid parser checks", "npm", "--version");
        Path dir = Path.of("target", "mermaid-tools").toAbsolutePath();
        Files.createDirectories(dir);
        for (String f : List.of("package.json", "parse-mermaid.mjs")) {
            try (InputStream in = MermaidJs.class.getResourceAsStream("/mermaid/" + f)) {
                Files.copy(in, dir.resolve(f), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        if (!Files.isDirectory(dir.resolve("node_modules/mermaid")) || !Files.isDirectory(dir.resolve("node_modules/jsdom"))) {
            External.Run r = External.run(dir, List.of("npm", "install", "--no-audit", "--no-fund"), Map.of());
            if (r.exit() != 0) {
                if (External.required()) {
                    fail("npm install of mermaid and jsdom failed: " + r.all());
                }
                assumeTrue(false, "npm install of mermaid and jsdom failed (offline?): " + r.all());
            }
        }
        tools = dir;
        return dir;
    }

    /** @return one JSON object per file: {file, ok, type} or {file, ok: false, error}. */
    static List<JsonNode> parse(List<Path> files) throws IOException, InterruptedException {
        Path dir = tools();
        List<String> cmd = new ArrayList<>(List.of("node", dir.resolve("parse-mermaid.mjs").toString()));
        files.forEach(f -> cmd.add(f.toAbsolutePath().toString()));
        External.Run r = External.run(dir, cmd, Map.of());
        List<JsonNode> out = new ArrayList<>();
        try (MappingIterator<JsonNode> it = new ObjectMapper().readerFor(JsonNode.class).readValues(r.out())) {
            it.forEachRemaining(out::add);
        }
        if (out.size() != files.size()) {
            fail("the Mermaid parser answered for " + out.size() + " of " + files.size() + " files: " + r.all());
        }
        return out;
    }
}
