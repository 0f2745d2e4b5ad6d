package dev.proxmoxmpc.plugin.resources.vm;

import dev.proxmoxmpc.plugin.resources.check.Values;
import dev.proxmoxmpc.spi.command.UsageException;
import dev.proxmoxmpc.spi.model.PropertyString;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * One {@code --disk} value: {@code 32G}, {@code local-lvm:64}, or {@code scsi1=local-lvm:64,ssd=1,discard=on,iothread=1}
 * (slot, storage and options optional; the size is whole GiB).
 *
 * @param slot    {@code scsi1}, or empty for the next free SCSI slot
 * @param storage the storage, or empty for the default
 * @param sizeGiB the size
 * @param options the other options, normalised (booleans as 0/1), sorted
 */
public record DiskArg(Optional<String> slot, Optional<String> storage, long sizeGiB, Map<String, String> options) {
    static final Pattern VM_SLOT = Pattern.compile("scsi([0-9]|[12][0-9]|30)|virtio([0-9]|1[0-5])|sata[0-5]|ide[0-3]");
    private static final Set<String> BOOLEANS = Set.of("ssd", "iothread", "backup", "replicate", "ro");
    private static final Map<String, Set<String>> ENUMS = Map.of(
            "discard", Set.of("on", "ignore"),
            "cache", Set.of("none", "writethrough", "writeback", "unsafe", "directsync"),
            "aio", Set.of("native", "threads", "io_uring"),
            "format", Set.of("raw", "qcow2", "vmdk"));

    public DiskArg {
        options = java.util.Collections.unmodifiableMap(new TreeMap<>(options));
    }

    public static DiskArg parse(String value) {
        String v = value.trim();
        Optional<String> slot = Optional.empty();
        int eq = v.indexOf('=');
        int comma = v.indexOf(',');
        if (eq > 0 && (comma < 0 || eq < comma)) {
            String s = v.substring(0, eq);
            if (!VM_SLOT.matcher(s).matches()) {
                throw new UsageException("--disk: '" + s + "' is not a disk slot (scsi0-30, virtio0-15, sata0-5, ide0-3)");
            }
            slot = Optional.of(s);
            v = v.substring(eq + 1);
        }
        PropertyString spec = PropertyString.parse(v);
        String volume = spec.positional().orElseThrow(() -> new UsageException("--disk '" + value
                + "' needs a size: 32G, local-lvm:32 or scsi1=local-lvm:32,ssd=1"));
        Optional<String> storage = Optional.empty();
        String size = volume;
        int colon = volume.indexOf(':');
        if (colon >= 0) {
            storage = Optional.of(volume.substring(0, colon));
            size = volume.substring(colon + 1);
        }
        long gib = Values.diskGiB("--disk", size);
        Map<String, String> options = new TreeMap<>();
        for (PropertyString.Entry e : spec.entries()) {
            if (e.key().isEmpty()) {
                continue;
            }
            options.put(e.key(), option(e.key(), e.value()));
        }
        if (slot.isPresent()) {
            check(slot.get(), options);
        }
        return new DiskArg(slot, storage, gib, options);
    }

    private static String option(String key, String value) {
        if (BOOLEANS.contains(key)) {
            return Values.bool("--disk " + key, value);
        }
        Set<String> allowed = ENUMS.get(key);
        if (allowed == null) {
            throw new UsageException("--disk: unknown option '" + key + "' (use ssd, discard, iothread, cache, backup, replicate, aio, format, ro)");
        }
        if (!allowed.contains(value)) {
            throw new UsageException("--disk " + key + " must be one of " + String.join(", ", new java.util.TreeSet<>(allowed))
                    + ", got '" + value + "'");
        }
        return value;
    }

    /** Refuses options the bus does not support (PVE: iothread only on scsi/virtio, ssd not on virtio). */
    static void check(String slot, Map<String, String> options) {
        boolean virtio = slot.startsWith("virtio");
        boolean scsi = slot.startsWith("scsi");
        if (options.containsKey("iothread") && !virtio && !scsi) {
            throw new UsageException("--disk " + slot + ": iothread works only on scsi and virtio disks");
        }
        if (options.containsKey("ssd") && virtio) {
            throw new UsageException("--disk " + slot + ": ssd emulation is not available on virtio disks; use scsi");
        }
        if (options.containsKey("ro") && !virtio && !scsi) {
            throw new UsageException("--disk " + slot + ": ro works only on scsi and virtio disks");
        }
    }

    /**
     * @return the disk as desired state keeps a disk to create: the allocation request {@code storage:GiB} (what the
     *     create call sends) followed by the options and {@code size=NG} in PVE's order (sorted)
     */
    public static String allocation(String storage, long sizeGiB, Map<String, String> options) {
        TreeMap<String, String> opts = new TreeMap<>(options);
        opts.put("size", sizeGiB + "G");
        StringBuilder sb = new StringBuilder(storage + ":" + sizeGiB);
        opts.forEach((k, v) -> sb.append(',').append(k).append('=').append(v));
        return sb.toString();
    }
}
