package dev.proxmoxmpc.plugin.sync.command;

import dev.proxmoxmpc.plugin.sync.merge.Conflict;
import dev.proxmoxmpc.plugin.sync.render.Counts;
import dev.proxmoxmpc.spi.diag.Diagnostic;
import java.util.List;

/**
 * What /sync did, for the human report and {@code --json}.
 *
 * @param found       what the server holds
 * @param imported    generated files whose hand edits were read back (by importer)
 * @param notImported edited generated files no importer reads (their edits are overwritten)
 * @param written     files written by the generators
 * @param unchanged   files already up to date
 * @param removed     files no generator produces any more
 * @param drift       one line per drifted resource, with attribution
 * @param conflicts   fields both sides changed, with the side kept
 * @param diagnostics importer and generator diagnostics
 * @param pending     plan items desired vs the server after the merge
 * @param snapshot    the state snapshot id written
 */
public record SyncResult(Counts found, List<String> imported, List<String> notImported, int written, int unchanged,
                         int removed, List<String> drift, List<Conflict> conflicts, List<Diagnostic> diagnostics, int pending,
                         String snapshot) {
    public SyncResult {
        imported = List.copyOf(imported);
        notImported = List.copyOf(notImported);
        drift = List.copyOf(drift);
        conflicts = List.copyOf(conflicts);
        diagnostics = List.copyOf(diagnostics);
    }
}
