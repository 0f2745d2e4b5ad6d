package dev.proxmoxmpc.plugin.sync.command;

import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.GuestKind;
import dev.proxmoxmpc.spi.provider.ResourceRef;

/** Resource references of guests. */
final class ApplyTargets {
    private ApplyTargets() {}

    static ResourceRef ref(Guest g) {
        return g.kind() == GuestKind.VM ? ResourceRef.vm(g.node(), g.vmid()) : ResourceRef.container(g.node(), g.vmid());
    }
}
