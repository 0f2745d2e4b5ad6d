package dev.proxmoxmpc.spi.testkit;

import dev.proxmoxmpc.spi.diag.Diagnostic;
import dev.proxmoxmpc.spi.iac.GeneratedFile;
import dev.proxmoxmpc.spi.iac.GenerationRequest;
import dev.proxmoxmpc.spi.iac.GenerationResult;
import dev.proxmoxmpc.spi.iac.Generator;
import dev.proxmoxmpc.spi.iac.TemplateRenderer;
import dev.proxmoxmpc.spi.kernel.GenerationReport;
import dev.proxmoxmpc.spi.kernel.ProjectConfig;
import dev.proxmoxmpc.spi.kernel.Workspace;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.state.StateStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The test kit's simple version of the kernel's generated-file writer: write when changed, track hashes. */
final class GeneratedFileWriter {
    private final Workspace workspace;
    private final StateStore state;

    GeneratedFileWriter(Workspace workspace, StateStore state) {
        this.workspace = workspace;
        this.state = state;
    }

    GenerationReport regenerate(List<Generator> generators, Inventory desired, String env, String endpoint,
                                ProjectConfig config, TemplateRenderer templates) {
        List<String> written = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        List<Diagnostic> diagnostics = new ArrayList<>();
        Map<String, String> hashes = new TreeMap<>();
        for (Generator g : generators) {
            GenerationResult result;
            try {
                result = g.generate(new GenerationRequest(desired, env, endpoint, config.generatorOptions(g.id()), templates));
            } catch (RuntimeException e) {
                diagnostics.add(Diagnostic.error("generator " + g.id() + " failed: " + e.getMessage(), g.id()));
                continue;
            }
            diagnostics.addAll(result.diagnostics());
            for (GeneratedFile f : result.files()) {
                Path p = workspace.resolve(f.path());
                hashes.put(f.path(), sha256(f.content()));
                try {
                    if (Files.isRegularFile(p) && Files.readString(p, StandardCharsets.UTF_8).equals(f.content())) {
                        unchanged.add(f.path());
                    } else {
                        Files.createDirectories(p.getParent());
                        Files.writeString(p, f.content(), StandardCharsets.UTF_8);
                        written.add(f.path());
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        for (String old : state.fileHashes().keySet()) {
            if (!hashes.containsKey(old)) {
                try {
                    Files.deleteIfExists(workspace.resolve(old));
                    removed.add(old);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        state.saveFileHashes(hashes);
        written.sort(null);
        unchanged.sort(null);
        removed.sort(null);
        return new GenerationReport(written, unchanged, removed, diagnostics);
    }

    List<String> edited() {
        List<String> out = new ArrayList<>();
        state.fileHashes().forEach((path, hash) -> {
            Path p = workspace.resolve(path);
            try {
                if (Files.isRegularFile(p) && !sha256(Files.readString(p, StandardCharsets.UTF_8)).equals(hash)) {
                    out.add(path);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        out.sort(null);
        return out;
    }

    static String sha256(String content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
