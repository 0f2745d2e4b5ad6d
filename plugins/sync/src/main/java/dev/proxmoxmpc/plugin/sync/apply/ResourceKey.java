package dev.proxmoxmpc.plugin.sync.apply;

import dev.proxmoxmpc.spi.provider.ResourceRef;

/** Identity of a resource across kinds: guests by VMID (a replace changes the kind, not the identity). */
final class ResourceKey {
    private ResourceKey() {}

    static String of(ResourceRef ref) {
        return switch (ref.type()) {
            case VM, CONTAINER -> "guest:" + ref.id();
            case NETWORK -> "network:" + ref.node() + "/" + ref.id();
            case STORAGE -> "storage:" + ref.id();
            case POOL -> "pool:" + ref.id();
            case OBJECT -> "object:" + ref.objectKind() + "|" + ref.node() + "|" + ref.objectId();
        };
    }
}
