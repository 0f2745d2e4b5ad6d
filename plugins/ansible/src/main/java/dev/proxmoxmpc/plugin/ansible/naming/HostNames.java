package dev.proxmoxmpc.plugin.ansible.naming;

import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.GuestKind;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Ansible inventory host names for guests: the guest's name with characters outside {@code [A-Za-z0-9._-]}
 * replaced by {@code _} ({@code vm-<vmid>} / {@code ct-<vmid>} when unnamed). Guests are taken in VMID order;
 * a name already taken (by a lower VMID or by a group) gets {@code -<vmid>} appended, so adding a guest never
 * renames an older one.
 */
public final class HostNames {
    private HostNames() {}

    /**
     * @param guests   the guests
     * @param reserved group names hosts must not shadow
     * @return VMID to host name, sorted by VMID
     */
    public static Map<Integer, String> assign(List<? extends Guest> guests, Collection<String> reserved) {
        Set<String> taken = new HashSet<>(reserved);
        Map<Integer, String> out = new TreeMap<>();
        guests.stream().sorted(java.util.Comparator.comparingInt(Guest::vmid)).forEach(g -> {
            String name = base(g);
            if (!taken.add(name)) {
                name = name + "-" + g.vmid();
                taken.add(name);
            }
            out.put(g.vmid(), name);
        });
        return out;
    }

    /** @return the host name a guest would get without collisions. */
    public static String base(Guest g) {
        String cleaned = g.name().trim().replaceAll("[^A-Za-z0-9._-]", "_");
        if (cleaned.isEmpty() || cleaned.matches("[._-]+")) {
            return (g.kind() == GuestKind.VM ? "vm-" : "ct-") + g.vmid();
        }
        return cleaned;
    }
}
