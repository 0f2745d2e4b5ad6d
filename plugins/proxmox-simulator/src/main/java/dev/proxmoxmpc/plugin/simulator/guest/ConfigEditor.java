package dev.proxmoxmpc.plugin.simulator.guest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proxmoxmpc.plugin.simulator.error.ApiException;
import dev.proxmoxmpc.plugin.simulator.schema.PropertyStringFormat;
import dev.proxmoxmpc.plugin.simulator.state.Cluster;
import dev.proxmoxmpc.plugin.simulator.state.Guest;
import dev.proxmoxmpc.plugin.simulator.state.Sizes;
import dev.proxmoxmpc.plugin.simulator.state.Volume;
import dev.proxmoxmpc.plugin.simulator.state.Volumes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes parameters into a guest's config the way the server stores them: new disks allocated
 * ({@code local-lvm:8} becomes {@code local-lvm:vm-101-disk-0,size=8G}), MACs generated for NICs, property strings
 * re-printed in PVE's order, tags normalised, {@code cipassword} hashed.
 */
public final class ConfigEditor {
    /** Parameters of create/update calls that steer the call and are not config keys. */
    public static final Set<String> CONTROL = Set.of("node", "vmid", "digest", "delete", "revert", "skiplock",
            "background_delay", "force", "start", "storage", "archive", "unique", "pool", "ostemplate", "password",
            "ssh-public-keys", "restore", "ignore-unpack-errors", "bwlimit", "live-restore", "import-working-storage",
            "ha-managed");
    private static final Pattern NEW_VOLUME = Pattern.compile("([A-Za-z][A-Za-z0-9\\-_.]*):(\\d+(?:\\.\\d+)?)");
    private static final Pattern CLOUDINIT = Pattern.compile("([A-Za-z][A-Za-z0-9\\-_.]*):cloudinit");

    /** Keys by name, numbered keys by number ({@code scsi2} before {@code scsi10}), as PVE walks devices. */
    public static final java.util.Comparator<String> DEVICE_ORDER = (a, b) -> {
        String pa = a.replaceAll("\\d+$", "");
        String pb = b.replaceAll("\\d+$", "");
        int c = pa.compareTo(pb);
        if (c != 0 || pa.length() == a.length() || pb.length() == b.length()) {
            return c != 0 ? c : a.compareTo(b);
        }
        return Integer.compare(Integer.parseInt(a.substring(pa.length())), Integer.parseInt(b.substring(pb.length())));
    };

    private ConfigEditor() {
    }

    /** Applies every non-control parameter to the guest's config. */
    public static void apply(Cluster c, Guest g, Map<String, String> params) {
        Map<String, String> ordered = new java.util.TreeMap<>(DEVICE_ORDER);
        ordered.putAll(params);
        for (Map.Entry<String, String> e : ordered.entrySet()) {
            if (!CONTROL.contains(e.getKey())) {
                g.config.put(e.getKey(), normalise(c, g, e.getKey(), e.getValue()));
            }
        }
    }

    /** @return the value as the server stores it. */
    public static String normalise(Cluster c, Guest g, String key, String value) {
        if (key.equals("tags")) {
            return tags(value);
        }
        if (key.equals("cipassword")) {
            return hashPassword(value);
        }
        if (GuestSchema.isDisk(g.kind, key)) {
            return disk(c, g, key, value);
        }
        JsonNode schema = GuestSchema.key(g.kind, key).orElse(null);
        if (schema == null || !schema.path("format").isObject()) {
            return value;
        }
        PropertyStringFormat f = PropertyStringFormat.of(schema.get("format"));
        Map<String, String> values;
        try {
            values = new java.util.LinkedHashMap<>(f.parse(value));
        } catch (PropertyStringFormat.FormatException ex) {
            throw ApiException.parameter(key, "invalid format - " + ex.getMessage());
        }
        if (GuestSchema.isNet(key)) {
            if (g.qemu()) {
                values.putIfAbsent("macaddr", c.newMac());
            } else {
                values.putIfAbsent("hwaddr", c.newMac());
                values.putIfAbsent("type", "veth");
            }
        }
        return f.print(values);
    }

    private static String disk(Cluster c, Guest g, String key, String value) {
        DiskSpec d = DiskSpec.parse(g.kind, key, value);
        String vol = d.volume();
        Matcher m = NEW_VOLUME.matcher(vol);
        Matcher ci = CLOUDINIT.matcher(vol);
        if (m.matches()) {
            long size = key.equals("efidisk0") || key.equals("tpmstate0") ? 4 * Sizes.MIB
                    : Math.round(Double.parseDouble(m.group(2)) * Sizes.GIB);
            String prefix = g.template() ? "base" : "vm";
            Volume v = Volumes.allocate(c, m.group(1), g.node, g.vmid, g.kind, size, prefix);
            d.volume(v.volid);
            d.values().put("size", Sizes.format(size));
        } else if (ci.matches() && g.qemu()) {
            Volume v = Volumes.cloudinit(c, ci.group(1), g.node, g.vmid);
            d.volume(v.volid);
            d.values().put("media", "cdrom");
        } else {
            Volume existing = c.volumes.get(vol);
            if (existing != null && !d.values().containsKey("size")) {
                d.values().put("size", Sizes.format(existing.sizeBytes));
            }
        }
        return d.print();
    }

    /** Removes keys; a removed disk's volume is kept as {@code unusedN}, a removed {@code unusedN} is destroyed. */
    public static void delete(Cluster c, Guest g, String list) {
        for (String key : list.split("[,; ]+")) {
            if (key.isEmpty() || !g.config.containsKey(key)) {
                continue;
            }
            String value = g.config.remove(key);
            if (GuestSchema.isUnused(key)) {
                c.volumes.remove(value);
            } else if (GuestSchema.isDisk(g.kind, key)) {
                String vol = DiskSpec.parse(g.kind, key, value).volume();
                if (vol.contains("cloudinit")) {
                    c.volumes.remove(vol);
                } else if (c.volumes.containsKey(vol)) {
                    g.config.put(freeUnused(g), vol);
                }
            }
        }
    }

    private static String freeUnused(Guest g) {
        for (int i = 0; ; i++) {
            if (!g.config.containsKey("unused" + i)) {
                return "unused" + i;
            }
        }
    }

    /** Tags as the server writes them: lower case, de-duplicated, sorted, joined with {@code ;}. */
    public static String tags(String value) {
        TreeSet<String> tags = new TreeSet<>();
        for (String t : value.split("[,; ]+")) {
            if (!t.isBlank()) {
                tags.add(t.toLowerCase(Locale.ROOT));
            }
        }
        return String.join(";", tags);
    }

    private static String hashPassword(String value) {
        if (value.startsWith("$5$")) {
            return value;
        }
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return "$5$sim$" + Base64.getEncoder().withoutPadding().encodeToString(h);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
