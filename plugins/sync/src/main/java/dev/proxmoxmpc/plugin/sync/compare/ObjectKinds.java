package dev.proxmoxmpc.plugin.sync.compare;

import dev.proxmoxmpc.spi.model.ClusterObject;
import dev.proxmoxmpc.spi.model.Inventory;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the sync engine knows of {@link ClusterObject} kinds: the order a plan creates them in (what others refer to
 * comes first), which wait for the guests, and which the server could not show on the last read.
 */
public final class ObjectKinds {
    /** The read-only object the provider reports facts in ({@code version}, {@code quorate}, {@code unread}). */
    public static final String STATUS = "cluster-status";

    /** Creation order; unknown kinds come after these, by name. Deletes run in the reverse order. */
    static final List<String> ORDER = List.of(
            "role", "group", "user", "token",
            "sdn-zone", "sdn-vnet", "sdn-subnet",
            "firewall-alias", "firewall-ipset", "firewall-group", "firewall-options", "firewall-rules",
            "hardware-mapping-pci", "hardware-mapping-usb", "metrics-server",
            "ha-group", "ha-resource", "ha-rule",
            "replication", "backup-job", "acl");

    /** Kinds that refer to guests, so they are created after the guests and deleted before them. */
    static final Set<String> AFTER_GUESTS = Set.of("ha-resource", "ha-rule", "replication", "backup-job", "acl");

    private ObjectKinds() {}

    /** @return the kinds the server's last read could not show (listed by the provider in {@value #STATUS}) */
    public static Set<String> unread(Inventory observed) {
        return observed.object(STATUS, "", "").map(o -> o.value("unread")).filter(v -> !v.isBlank())
                .map(v -> (Set<String>) new TreeSet<>(Arrays.asList(v.split(",")))).orElse(Set.of());
    }

    /** @return the objects a plan or merge may change: neither read-only nor of an unread kind */
    public static List<ClusterObject> plannable(Inventory inv, Set<String> unread) {
        return inv.objects().stream().filter(o -> !o.readOnly() && !unread.contains(o.kind())).toList();
    }

    /** @return whether the object waits for the guests: its kind refers to them, or it lives on one */
    public static boolean afterGuests(ClusterObject o) {
        return AFTER_GUESTS.contains(o.kind()) || o.scope().startsWith("vm/") || o.scope().startsWith("ct/");
    }

    /** @return the object's place in creation order */
    public static int rank(ClusterObject o) {
        int i = ORDER.indexOf(o.kind());
        return i < 0 ? ORDER.size() : i;
    }
}
