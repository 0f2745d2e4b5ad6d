package dev.proxmoxmpc.plugin.sync.apply;

import dev.proxmoxmpc.spi.provider.ChangeResult;
import java.util.List;
import java.util.Optional;

/**
 * What /apply did.
 *
 * @param results      one per change, in plan order (skipped after a failure)
 * @param rediscovered whether the server was read again afterwards (else the stored state was patched)
 */
public record ApplyReport(List<ChangeResult> results, boolean rediscovered) {
    public ApplyReport {
        results = List.copyOf(results);
    }

    public long succeeded() {
        return results.stream().filter(ChangeResult::succeeded).count();
    }

    public boolean allSucceeded() {
        return results.stream().allMatch(ChangeResult::succeeded);
    }

    /** @return the first failure, if any. */
    public Optional<ChangeResult> firstFailure() {
        return results.stream().filter(r -> r.status() == ChangeResult.Status.FAILED).findFirst();
    }
}
