package dev.proxmoxmpc.plugin.proxmox.privilege;

import java.util.List;
import java.util.Objects;

/**
 * Privileges a change needs on one ACL path: all of them, or (with {@code any}) one of them.
 *
 * @param path       ACL path ({@code /vms/120}, {@code /storage/local-lvm}, {@code /sdn/zones/localnetwork/vmbr0})
 * @param privileges privilege names
 * @param any        whether one of them is enough
 * @param change     the change that needs them
 */
record Requirement(String path, List<String> privileges, boolean any, String change) {
    Requirement {
        Objects.requireNonNull(path, "path");
        privileges = List.copyOf(privileges);
        Objects.requireNonNull(change, "change");
    }

    /** @return {@code VM.Allocate} or {@code VM.Config.Cloudinit|VM.Config.Network} */
    String privilegeText() {
        return String.join(any ? "|" : ",", privileges);
    }
}
