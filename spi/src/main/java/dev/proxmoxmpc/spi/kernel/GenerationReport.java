package dev.proxmoxmpc.spi.kernel;

import static org.apiguardian.api.API.Status.STABLE;

import dev.proxmoxmpc.spi.diag.Diagnostic;
import java.util.List;
import org.apiguardian.api.API;

/**
 * What {@link KernelContext#regenerate} did. Paths are project-relative and sorted.
 *
 * @param written     files created or changed
 * @param unchanged   files whose content was already the same (not rewritten)
 * @param removed     files generated before and not any more
 * @param diagnostics the generators' diagnostics, and one error per generator that failed
 */
@API(status = STABLE, since = "1.0")
public record GenerationReport(List<String> written, List<String> unchanged, List<String> removed,
                               List<Diagnostic> diagnostics) {
    public GenerationReport {
        written = List.copyOf(written);
        unchanged = List.copyOf(unchanged);
        removed = List.copyOf(removed);
        diagnostics = List.copyOf(diagnostics);
    }
}
