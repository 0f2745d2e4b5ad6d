package dev.proxmoxmpc.spi.iac;

import dev.proxmoxmpc.spi.diag.Diagnostic;
import java.util.List;

/**
 * Output of an {@link Exporter}.
 *
 * @param files       the files, paths relative to the export directory, each path unique
 * @param diagnostics what could not be exported, or remarks shown after the export
 */
public record ExportResult(List<GeneratedFile> files, List<Diagnostic> diagnostics) {
    public ExportResult {
        files = List.copyOf(files);
        diagnostics = List.copyOf(diagnostics);
        if (files.stream().map(GeneratedFile::path).distinct().count() != files.size()) {
            throw new IllegalArgumentException("an exporter returned the same path twice");
        }
    }
}
