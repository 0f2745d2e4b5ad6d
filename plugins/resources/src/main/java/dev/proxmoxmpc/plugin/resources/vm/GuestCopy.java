package dev.proxmoxmpc.plugin.resources.vm;

import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.Nic;
import dev.proxmoxmpc.spi.model.PropertyString;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The config a clone starts from: the source's config without what the server generates anew for the copy (template
 * flag, {@code meta}, {@code vmgenid}, {@code smbios1} UUID, locks, snapshots, unused volumes, MAC addresses) and
 * without the source's own {@code mpc.*} metadata.
 */
public final class GuestCopy {
    /** Keys the clone does not inherit: the server writes them fresh. */
    static final Set<String> FRESH = Set.of("template", "meta", "vmgenid", "smbios1", "lock", "parent", "snaptime", "digest",
            "protection");

    private GuestCopy() {}

    /** Keys that are not configuration: created anew by the server, runtime, or local metadata. */
    public static boolean fresh(String key) {
        return FRESH.contains(key) || key.matches("unused\\d+") || key.startsWith("mpc.");
    }

    public static Map<String, String> configOf(Guest source) {
        Map<String, String> out = new TreeMap<>();
        source.config().forEach((k, v) -> {
            if (!fresh(k)) {
                out.put(k, Nic.SLOT.matcher(k).matches() ? withoutMac(v) : v);
            }
        });
        return out;
    }

    /** @return a QEMU NIC without its MAC ({@code virtio=BC:..,bridge=vmbr0} becomes {@code virtio,bridge=vmbr0}). */
    static String withoutMac(String value) {
        Nic nic = new Nic("net0", PropertyString.parse(value));
        String model = nic.model();
        if (model.isEmpty()) {
            return PropertyString.parse(value).with("hwaddr", "").format();
        }
        java.util.List<PropertyString.Entry> out = new java.util.ArrayList<>();
        for (PropertyString.Entry e : nic.spec().entries()) {
            if (e.key().equals(model)) {
                out.add(new PropertyString.Entry("", model));
            } else if (!e.key().equals("macaddr")) {
                out.add(e);
            }
        }
        return new PropertyString(out).format();
    }
}
