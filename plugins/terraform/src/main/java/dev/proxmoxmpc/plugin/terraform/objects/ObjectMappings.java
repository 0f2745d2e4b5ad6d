package dev.proxmoxmpc.plugin.terraform.objects;

import java.util.List;
import java.util.Optional;

/** Every {@link ObjectMapping}. Add a mapping here to have it generated and imported. */
public final class ObjectMappings {
    public static final List<ObjectMapping> ALL = List.of(
            new BackupJobMapping());

    private ObjectMappings() {}

    /** @return the mapping that reads this resource type */
    public static Optional<ObjectMapping> ofType(String type) {
        return ALL.stream().filter(m -> m.types().contains(type)).findFirst();
    }
}
