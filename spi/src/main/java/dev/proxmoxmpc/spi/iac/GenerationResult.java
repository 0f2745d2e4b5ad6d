package dev.proxmoxmpc.spi.iac;

import static org.apiguardian.api.API.Status.STABLE;

import dev.proxmoxmpc.spi.diag.Diagnostic;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Output of a {@link Generator}.
 *
 * @param files       the files, each path unique
 * @param diagnostics what could not be expressed, or other remarks for /sync's report
 */
@API(status = STABLE, since = "1.0")
public record GenerationResult(List<GeneratedFile> files, List<Diagnostic> diagnostics) {
    public GenerationResult {
        files = List.copyOf(files);
        diagnostics = List.copyOf(diagnostics);
        long distinct = files.stream().map(GeneratedFile::path).distinct().count();
        if (distinct != files.size()) {
            throw new IllegalArgumentException("a generator returned the same path twice");
        }
    }
}
