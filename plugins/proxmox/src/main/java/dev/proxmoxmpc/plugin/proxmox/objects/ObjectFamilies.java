package dev.proxmoxmpc.plugin.proxmox.objects;

import java.util.List;
import java.util.Optional;

/** Every {@link ObjectFamily} the provider knows. Add a family here to have it read, planned calls and written. */
public final class ObjectFamilies {
    public static final List<ObjectFamily> ALL = List.of(
            new BackupJobs());

    private ObjectFamilies() {}

    /** @return the family of this kind */
    public static Optional<ObjectFamily> of(String kind) {
        return ALL.stream().filter(f -> f.kinds().contains(kind)).findFirst();
    }
}
