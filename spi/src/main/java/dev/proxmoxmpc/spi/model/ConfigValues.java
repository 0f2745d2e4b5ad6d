package dev.proxmoxmpc.spi.model;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * Which spellings of a guest config value mean the same thing. PVE answers with its own spelling of what a
 * create or update call sent: {@code local-lvm:32} allocates the disk the server then lists as
 * {@code local-lvm:vm-100-disk-0,size=32G}; {@code virtio=BC:24:11:00:00:01,bridge=vmbr0} is the same NIC as
 * {@code bridge=vmbr0,model=virtio,macaddr=bc:24:11:00:00:01}; the order of a property string's options does not
 * matter. Every comparison of desired and observed values (merge, plan, drift, import) goes through here so that
 * such spellings never read as a difference.
 *
 * <p>Pure and thread-safe.
 */
@API(status = EXPERIMENTAL, since = "1.0")
public final class ConfigValues {
    private static final Pattern ALLOCATE = Pattern.compile("([^:,]+):(\\d+(?:\\.\\d+)?)");
    private static final Pattern OWNED = Pattern.compile("([^:,]+):(?:(?:base|vm|subvol)-\\d+-disk-\\d+/)?"
            + "(?:base|vm|subvol)-\\d+-disk-\\d+(?:\\.(?:raw|qcow2|vmdk))?");
    private static final Pattern CLOUD_INIT = Pattern.compile("([^:,]+):(?:vm-\\d+-)?cloudinit(?:\\.(?:raw|qcow2))?");
    private static final Pattern OPTION_LISTS = Pattern.compile("ipconfig\\d+|features|agent|startup|vga|rng0|"
            + "hostpci\\d+|usb\\d+|smbios1|spice_enhancements|audio0|memory|meta|affinity|dev\\d+");
    private static final Set<String> FIXED_SIZE = Set.of("efidisk0", "tpmstate0");
    /** Options a create call takes that the server never keeps in a disk's property string. */
    private static final Set<String> CREATE_ONLY = Set.of("import-from");

    private ConfigValues() {}

    /**
     * @param key the config key ({@code scsi0}, {@code net0}, {@code ipconfig0}, {@code cores}), not null
     * @param a   one value, not null ({@code ""} = absent)
     * @param b   the other value, not null
     * @return whether the two values configure the same thing
     */
    public static boolean equivalent(String key, String a, String b) {
        Objects.requireNonNull(key, "key");
        if (a.equals(b)) {
            return true;
        }
        return canonical(key, a).equals(canonical(key, b));
    }

    /**
     * @return one spelling per meaning of {@code value} under {@code key}: options sorted, a disk's volume reduced
     *     to its storage when it is one the server names for the guest ({@code local-lvm:vm-100-disk-0}) or one
     *     to allocate ({@code local-lvm:32}), sizes in MiB, MAC addresses upper case, a network's {@code comments}
     *     without surrounding white space; other keys unchanged
     */
    public static String canonical(String key, String value) {
        Objects.requireNonNull(value, "value");
        if (value.isEmpty()) {
            return value;
        }
        if (Disk.SLOT.matcher(key).matches()) {
            return disk(key, PropertyString.parse(value));
        }
        if (Nic.SLOT.matcher(key).matches()) {
            return nic(PropertyString.parse(value));
        }
        if (OPTION_LISTS.matcher(key).matches()) {
            return sorted(PropertyString.parse(value), Map.of());
        }
        if (key.equals("comments") || key.equals("comments6")) {
            return value.strip(); // PVE keeps a network comment's line break; Terraform and people do not write it
        }
        return value;
    }

    private static String disk(String slot, PropertyString spec) {
        Map<String, String> extra = new TreeMap<>();
        String size = spec.getOrEmpty("size");
        String volume = new Disk(slot, spec).volume();
        String storage;
        var alloc = ALLOCATE.matcher(volume);
        var owned = OWNED.matcher(volume);
        var cloudInit = CLOUD_INIT.matcher(volume);
        if (alloc.matches()) {
            storage = alloc.group(1) + ":(disk)";
            if (size.isEmpty()) {
                size = alloc.group(2) + "G";
            }
        } else if (owned.matches()) {
            storage = owned.group(1) + ":(disk)";
        } else if (cloudInit.matches()) {
            storage = cloudInit.group(1) + ":(cloudinit)";
        } else {
            storage = volume;
        }
        PropertyString rest = spec;
        for (String k : CREATE_ONLY) {
            rest = rest.with(k, "");
        }
        rest = rest.with("size", "").with("file", "").with("volume", "");
        extra.put("", storage);
        if (!size.isEmpty() && !FIXED_SIZE.contains(slot)) {
            extra.put("size", sizeMiB(size));
        }
        return sorted(rest, extra);
    }

    private static String nic(PropertyString spec) {
        Map<String, String> extra = new TreeMap<>();
        PropertyString rest = PropertyString.EMPTY;
        for (PropertyString.Entry e : spec.entries()) {
            if (Nic.QEMU_MODELS.contains(e.key())) {
                extra.put("model", e.key());
                extra.put("macaddr", e.value().toUpperCase(Locale.ROOT));
            } else if (e.key().equals("macaddr") || e.key().equals("hwaddr")) {
                extra.put(e.key().equals("hwaddr") ? "hwaddr" : "macaddr", e.value().toUpperCase(Locale.ROOT));
            } else if (e.key().equals("model")) {
                extra.put("model", e.value());
            } else {
                rest = new PropertyString(append(rest, e));
            }
        }
        return sorted(rest, extra);
    }

    private static List<PropertyString.Entry> append(PropertyString p, PropertyString.Entry e) {
        List<PropertyString.Entry> out = new ArrayList<>(p.entries());
        out.add(e);
        return out;
    }

    private static String sorted(PropertyString spec, Map<String, String> extra) {
        Map<String, String> all = new TreeMap<>();
        for (PropertyString.Entry e : spec.entries()) {
            all.put(e.key(), e.value());
        }
        all.putAll(extra);
        StringBuilder sb = new StringBuilder();
        all.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ",").append(k.isEmpty() ? v : k + "=" + v));
        return sb.toString();
    }

    private static String sizeMiB(String size) {
        try {
            return Sizes.toMiB(size) + "M";
        } catch (IllegalArgumentException e) {
            return size;
        }
    }
}
