package dev.proxmoxmpc.plugin.cicd.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proxmoxmpc.spi.iac.GeneratedFile;
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

/** The four pipelines for the production environment, byte for byte (update on purpose with -Dgolden.update=true). */
class PipelineGoldenTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    @TempDir
    Path root;

    @Test
    void matchesTheGoldenFilesByteForByte() throws IOException {
        Map<String, String> actual = new TreeMap<>();
        var ctx = Pipelines.context(root, Map.of("runner_labels", List.of("proxmox", "lan")));
        for (PipelineExporter e : Pipelines.ALL) {
            for (GeneratedFile f : Pipelines.export(e, ctx, "production").files()) {
                actual.put(f.path(), f.content());
            }
        }
        if (Boolean.getBoolean("golden.update")) {
            for (var entry : actual.entrySet()) {
                Path p = GOLDEN.resolve(entry.getKey());
                Files.createDirectories(p.getParent());
                Files.writeString(p, entry.getValue(), StandardCharsets.UTF_8);
            }
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
}
