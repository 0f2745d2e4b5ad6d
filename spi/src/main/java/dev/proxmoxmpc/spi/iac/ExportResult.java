package dev.proxmoxmpc.spi.iac;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.proxmoxmpc.spi.diag.Diagnostic;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Output of an {@link Exporter}.
 *
 * @param files       the files, paths relative to the export directory, each path unique
 * @param diagnostics what could not be exported, or remarks shown after the export
 */
@API(status = EXPERIMENTAL, since = "1.0")
public record ExportResult(List<GeneratedFile> files, List<Diagnostic> diagnostics) {
    public ExportResult {
        files = List.copyOf(files);
        diagnostics = List.copyOf(diagnostics);
        if (files.stream().map(GeneratedFile::path).distinct().count() != files.size()) {
            throw new IllegalArgumentException("an exporter returned the same path twice");
        }
    }
}
