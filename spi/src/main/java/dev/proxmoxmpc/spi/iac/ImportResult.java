package dev.proxmoxmpc.spi.iac;

import dev.proxmoxmpc.spi.diag.Diagnostic;
import dev.proxmoxmpc.spi.model.Inventory;
import java.util.List;
import java.util.Objects;

/**
 * Output of an {@link Importer}.
 *
 * @param desired     the base with the files' content laid over it
 * @param diagnostics one per construct that could not be mapped (source = {@code file:line})
 */
public record ImportResult(Inventory desired, List<Diagnostic> diagnostics) {
    public ImportResult {
        Objects.requireNonNull(desired, "desired");
        diagnostics = List.copyOf(diagnostics);
    }
}
