package dev.proxmoxmpc.kernel.generate;

import dev.proxmoxmpc.kernel.files.AtomicFiles;
import dev.proxmoxmpc.kernel.plugin.Problems;
import dev.proxmoxmpc.spi.console.Progress;
import dev.proxmoxmpc.spi.diag.Diagnostic;
import dev.proxmoxmpc.spi.iac.GeneratedFile;
import dev.proxmoxmpc.spi.iac.GenerationRequest;
import dev.proxmoxmpc.spi.iac.GenerationResult;
import dev.proxmoxmpc.spi.iac.Generator;
import dev.proxmoxmpc.spi.kernel.GenerationReport;
import dev.proxmoxmpc.spi.kernel.Workspace;
import dev.proxmoxmpc.spi.state.StateStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs generators and keeps the generated files in step: writes a file only when its content changed (atomically),
 * records SHA-256 hashes in the state store, removes files an earlier run generated that no generator produces
 * now (unless edited by hand), and turns a throwing generator into an error diagnostic while the others go on.
 */
public final class FileGeneration {
    private static final Logger LOG = LoggerFactory.getLogger(FileGeneration.class);
    private final Workspace workspace;
    private final StateStore state;

    public FileGeneration(Workspace workspace, StateStore state) {
        this.workspace = workspace;
        this.state = state;
    }

    /**
     * @param generators the generators, in a stable order
     * @param request    builds each generator's request from its id
     */
    public GenerationReport run(List<Generator> generators, Function<String, GenerationRequest> request) {
        return run(generators, request, Progress.NONE);
    }

    /**
     * @param progress one step per generator, then one per file written or found unchanged (the total grows once
     *                 the generators have said how many files they produce)
     */
    public GenerationReport run(List<Generator> generators, Function<String, GenerationRequest> request, Progress progress) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        Map<String, String> produced = new LinkedHashMap<>();
        boolean anyFailed = false;
        progress.total(generators.size());
        for (Generator generator : generators) {
            String id = safeId(generator);
            progress.message(id);
            try {
                GenerationResult result = generator.generate(request.apply(id));
                diagnostics.addAll(result.diagnostics());
                for (GeneratedFile f : result.files()) {
                    if (produced.putIfAbsent(f.path(), f.content()) != null) {
                        diagnostics.add(Diagnostic.error("generator '" + id + "' also produces " + f.path()
                                + "; the first generator's file is kept", f.path()));
                    }
                }
            } catch (RuntimeException | LinkageError e) {
                anyFailed = true;
                LOG.error("generator {} failed", id, e);
                diagnostics.add(Diagnostic.error("generator '" + id + "' failed: " + Problems.message(e), id));
            }
            progress.step(1);
        }
        progress.total((long) generators.size() + produced.size());
        progress.message("writing");
        return write(produced, anyFailed, diagnostics, progress);
    }

    private GenerationReport write(Map<String, String> produced, boolean anyFailed, List<Diagnostic> diagnostics,
                                   Progress progress) {
        Map<String, String> recorded = state.fileHashes();
        Map<String, String> hashes = new TreeMap<>();
        List<String> written = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        boolean complete = false;
        try {
            for (Map.Entry<String, String> e : produced.entrySet()) {
                String path = e.getKey();
                byte[] bytes = e.getValue().getBytes(StandardCharsets.UTF_8);
                boolean changed = writeIfChanged(path, bytes, recorded.get(path), diagnostics);
                hashes.put(path, FileHashes.sha256(bytes));
                (changed ? written : unchanged).add(path);
                progress.step(1);
            }
            for (Map.Entry<String, String> e : new TreeMap<>(recorded).entrySet()) {
                String path = e.getKey();
                if (produced.containsKey(path)) {
                    continue;
                }
                if (anyFailed) {
                    hashes.put(path, e.getValue());
                    continue;
                }
                removeStale(path, e.getValue(), removed, diagnostics);
            }
            complete = true;
        } catch (IOException e) {
            throw new UncheckedIOException("writing generated files failed: " + e.getMessage(), e);
        } finally {
            if (!complete) {
                Map<String, String> merged = new TreeMap<>(recorded);
                merged.putAll(hashes);
                hashes = merged;
            }
            state.saveFileHashes(hashes);
        }
        written.sort(null);
        unchanged.sort(null);
        removed.sort(null);
        return new GenerationReport(written, unchanged, removed, diagnostics);
    }

    /** @return whether the file was written (false: it already had this content). */
    private boolean writeIfChanged(String path, byte[] bytes, String recordedHash, List<Diagnostic> diagnostics)
            throws IOException {
        Path target = workspace.resolve(path);
        if (Files.isRegularFile(target) && Arrays.equals(Files.readAllBytes(target), bytes)) {
            return false;
        }
        String onDisk = FileHashes.sha256(target);
        if (!onDisk.isEmpty() && recordedHash != null && !onDisk.equals(recordedHash)) {
            diagnostics.add(Diagnostic.warning("overwrote a hand edit of " + path, path));
        }
        AtomicFiles.write(target, bytes, path.endsWith(".sh") ? AtomicFiles.EXECUTABLE : AtomicFiles.READABLE);
        return true;
    }

    private void removeStale(String path, String recordedHash, List<String> removed, List<Diagnostic> diagnostics)
            throws IOException {
        Path target;
        try {
            target = workspace.resolve(path);
        } catch (IllegalArgumentException e) {
            return;
        }
        String onDisk = FileHashes.sha256(target);
        if (onDisk.isEmpty()) {
            return;
        }
        if (!onDisk.equals(recordedHash)) {
            diagnostics.add(Diagnostic.warning("kept " + path + ": no generator produces it any more, but it was edited by hand", path));
            return;
        }
        Files.delete(target);
        removed.add(path);
        removeEmptyParents(target.getParent());
    }

    private void removeEmptyParents(Path dir) throws IOException {
        Path root = workspace.root();
        while (dir != null && dir.startsWith(root) && !dir.equals(root)) {
            try (var entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) {
                    return;
                }
            }
            Files.delete(dir);
            dir = dir.getParent();
        }
    }

    /** @return project-relative paths whose content on disk differs from the recorded hash, sorted. */
    public List<String> editedFiles() {
        List<String> edited = new ArrayList<>();
        for (Map.Entry<String, String> e : new TreeMap<>(state.fileHashes()).entrySet()) {
            try {
                String onDisk = FileHashes.sha256(workspace.resolve(e.getKey()));
                if (!onDisk.isEmpty() && !onDisk.equals(e.getValue())) {
                    edited.add(e.getKey());
                }
            } catch (IOException | IllegalArgumentException ex) {
                LOG.warn("cannot read generated file {}", e.getKey(), ex);
            }
        }
        return edited;
    }

    private static String safeId(Generator generator) {
        try {
            return generator.id();
        } catch (RuntimeException e) {
            return generator.getClass().getName();
        }
    }
}
