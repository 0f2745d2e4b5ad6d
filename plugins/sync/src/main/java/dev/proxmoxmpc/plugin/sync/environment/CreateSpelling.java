package dev.proxmoxmpc.plugin.sync.environment;

import dev.proxmoxmpc.spi.model.Disk;
import dev.proxmoxmpc.spi.model.PropertyString;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the volumes a server named for a guest into what a create call sends: {@code local-lvm:vm-100-disk-0,
 * size=32G} allocates {@code local-lvm:32}, a cloud-init drive {@code local-lvm:cloudinit}, an EFI or TPM disk
 * {@code local-lvm:1}. So a guest read from one cluster can be created on another. Volumes of other kinds (ISO
 * images, {@code none}) are kept. A disk whose image source the state knows ({@code import-from=local:import/debian.qcow2})
 * is allocated from it ({@code local-lvm:0,import-from=...}). Pure.
 */
public final class CreateSpelling {
    private static final Pattern OWNED = Pattern.compile("([^:,]+):(?:(?:base|vm|subvol)-\\d+-disk-\\d+/)?"
            + "(?:base|vm|subvol)-\\d+-disk-\\d+(?:\\.(?:raw|qcow2|vmdk))?");
    private static final Pattern CLOUD_INIT = Pattern.compile("([^:,]+):vm-\\d+-cloudinit(?:\\.(?:raw|qcow2))?");
    private static final Set<String> FIXED_SIZE = Set.of("efidisk0", "tpmstate0");
    /** A create option: the disk's content is imported from this volume (PVE then wants {@code STORAGE:0}). */
    static final String IMPORT_FROM = "import-from";

    private CreateSpelling() {}

    /** @return {@code settings} with every disk that names an existing guest volume spelled as an allocation */
    public static Map<String, String> forCreate(Map<String, String> settings) {
        Map<String, String> out = new TreeMap<>(settings);
        settings.forEach((k, v) -> {
            if (Disk.SLOT.matcher(k).matches()) {
                out.put(k, disk(k, v));
            }
        });
        return out;
    }

    /**
     * @return the image sources ({@code import-from}) the disks of {@code config} were created from, by slot: where the
     *     state knows them, a disk is created again from its source rather than blank
     */
    public static Map<String, String> imageSources(Map<String, String> config) {
        Map<String, String> out = new TreeMap<>();
        config.forEach((k, v) -> {
            if (Disk.SLOT.matcher(k).matches()) {
                String from = PropertyString.parse(v).getOrEmpty(IMPORT_FROM);
                if (!from.isEmpty()) {
                    out.put(k, from);
                }
            }
        });
        return out;
    }

    /** @return whether any disk of {@code config} has content on its source cluster (not a cloud-init drive) */
    public static boolean hasContent(Map<String, String> config) {
        return config.entrySet().stream().anyMatch(e -> Disk.SLOT.matcher(e.getKey()).matches()
                && !FIXED_SIZE.contains(e.getKey()) && OWNED.matcher(new Disk(e.getKey(), PropertyString.parse(e.getValue())).volume()).matches());
    }

    static String disk(String slot, String value) {
        PropertyString spec = PropertyString.parse(value);
        Disk d = new Disk(slot, spec);
        if (spec.positional().isEmpty()) {
            return value;
        }
        Matcher owned = OWNED.matcher(d.volume());
        Matcher cloudInit = CLOUD_INIT.matcher(d.volume());
        if (cloudInit.matches()) {
            return spec.withPositional(cloudInit.group(1) + ":cloudinit").with("size", "").format();
        }
        if (!spec.getOrEmpty(IMPORT_FROM).isEmpty()) { // created again from its image: PVE sizes it from the image
            String storage = d.volume().contains(":") ? d.volume().substring(0, d.volume().indexOf(':')) : d.volume();
            return spec.withPositional(storage + ":0").with("size", "").format();
        }
        if (!owned.matches()) {
            return value;
        }
        long gib = FIXED_SIZE.contains(slot) ? 1 : Math.max(1, d.sizeGiB());
        return spec.withPositional(owned.group(1) + ":" + gib).with("size", "").format();
    }
}
