package dev.proxmoxmpc.kernel.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.proxmoxmpc.kernel.files.AtomicFiles;
import dev.proxmoxmpc.kernel.state.InventoryJson;
import dev.proxmoxmpc.spi.diag.Diagnostic;
import dev.proxmoxmpc.spi.diag.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the last complete generation on this machine was made from ({@link GenerationInputs}), the recorded file
 * hashes it left, and the generators' own diagnostics, kept in the workspace's cache directory. Only a cache for
 * speed: a missing, unreadable or foreign file means "generate".
 *
 * @param inputs      the fingerprint of the inputs
 * @param recorded    the fingerprint of the file hashes recorded in the state after that generation
 *                    ({@link GenerationInputs#ofFileHashes})
 * @param diagnostics what the generators reported (not what writing reported: those were events of that run)
 */
record GenerationMemo(String inputs, String recorded, List<Diagnostic> diagnostics) {
    private static final Logger LOG = LoggerFactory.getLogger(GenerationMemo.class);
    static final String FILE_NAME = "generation.json";
    private static final int VERSION = 2; // 2: the file hashes fingerprinted by GenerationInputs
    private static final long MAX_BYTES = 16L << 20;

    GenerationMemo {
        diagnostics = List.copyOf(diagnostics);
    }

    static Optional<GenerationMemo> load(Path file) {
        try {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || Files.size(file) > MAX_BYTES) {
                return Optional.empty();
            }
            JsonNode root = InventoryJson.mapper().readTree(Files.readAllBytes(file));
            if (root == null || root.path("version").asInt() != VERSION) {
                return Optional.empty();
            }
            List<Diagnostic> diagnostics = new ArrayList<>();
            for (JsonNode d : root.path("diagnostics")) {
                diagnostics.add(new Diagnostic(Severity.valueOf(d.path("severity").asText()), d.path("summary").asText(),
                        d.path("detail").asText(), d.path("source").asText()));
            }
            return Optional.of(new GenerationMemo(root.path("inputs").asText(), root.path("recorded").asText(), diagnostics));
        } catch (IOException | RuntimeException e) {
            LOG.debug("ignoring the generation memo {}: {}", file, e.toString());
            return Optional.empty();
        }
    }

    /** Writes the memo; a failure is only logged (the next generation then runs in full). */
    void save(Path file) {
        ObjectNode root = InventoryJson.mapper().createObjectNode();
        root.put("version", VERSION);
        root.put("inputs", inputs);
        root.put("recorded", recorded);
        ArrayNode list = root.putArray("diagnostics");
        for (Diagnostic d : diagnostics) {
            list.addObject().put("severity", d.severity().name()).put("summary", d.summary()).put("detail", d.detail())
                    .put("source", d.source());
        }
        try {
            AtomicFiles.write(file, InventoryJson.mapper().writeValueAsBytes(root), AtomicFiles.READABLE);
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot write the generation memo {}: {}", file, e.toString());
        }
    }

    /** Removes the memo before a generation that may change the files; a failure is only logged. */
    static void forget(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("cannot remove the generation memo {}: {}", file, e.toString());
        }
    }
}
