package dev.proxmoxmpc.spi.iac;

import static org.apiguardian.api.API.Status.STABLE;

import dev.proxmoxmpc.spi.diag.Diagnostic;
import dev.proxmoxmpc.spi.model.Inventory;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Output of an {@link Importer}.
 *
 * @param desired     the base with the files' content laid over it
 * @param diagnostics one per construct that could not be mapped (source = {@code file:line})
 */
@API(status = STABLE, since = "1.0")
public record ImportResult(Inventory desired, List<Diagnostic> diagnostics) {
    public ImportResult {
        Objects.requireNonNull(desired, "desired");
        diagnostics = List.copyOf(diagnostics);
    }
}
