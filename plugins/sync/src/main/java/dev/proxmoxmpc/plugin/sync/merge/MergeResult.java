package dev.proxmoxmpc.plugin.sync.merge;

import dev.proxmoxmpc.spi.model.Inventory;
import java.util.List;
import java.util.Objects;

/**
 * The merged desired inventory and the conflicts met on the way (each with the side that won).
 */
public record MergeResult(Inventory desired, List<Conflict> conflicts) {
    public MergeResult {
        Objects.requireNonNull(desired, "desired");
        conflicts = List.copyOf(conflicts);
    }
}
