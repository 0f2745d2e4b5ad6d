package dev.proxmoxmpc.plugin.sync.drift;

import dev.proxmoxmpc.plugin.sync.compare.FieldChange;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A resource the server changed since the last agreed state.
 *
 * @param resource    {@code vm/101 web-01}
 * @param vmid        the VMID, 0 for resources that are not guests
 * @param kind        what happened on the server
 * @param changes     the fields that changed (for {@link Kind#CHANGED})
 * @param attribution who did it, when the task log tells
 */
public record Drift(String resource, int vmid, Kind kind, List<FieldChange> changes, Optional<Attribution> attribution) {
    /** What the server did. */
    public enum Kind { CREATED, DELETED, CHANGED }

    public Drift {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(kind, "kind");
        changes = List.copyOf(changes);
        Objects.requireNonNull(attribution, "attribution");
    }

    public Drift withAttribution(Optional<Attribution> a) {
        return new Drift(resource, vmid, kind, changes, a);
    }
}
