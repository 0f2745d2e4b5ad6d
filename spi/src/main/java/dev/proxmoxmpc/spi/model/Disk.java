package dev.proxmoxmpc.spi.model;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.Objects;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * A disk of a guest: {@code scsi0 = local-lvm:vm-100-disk-0,size=32G,ssd=1}. The property string is kept
 * verbatim; the accessors read it.
 *
 * @param slot the config key ({@code scsi0}, {@code virtio1}, {@code efidisk0}, {@code rootfs}, {@code mp0})
 * @param spec the parsed property string
 */
@API(status = STABLE, since = "1.0")
public record Disk(String slot, PropertyString spec) {
    /** Config keys that hold disks (QEMU and LXC). {@code unusedN} is not a disk in use. */
    public static final Pattern SLOT = Pattern.compile("(ide|sata|scsi|virtio)\\d+|efidisk0|tpmstate0|rootfs|mp\\d+");

    public Disk {
        Objects.requireNonNull(slot, "slot");
        Objects.requireNonNull(spec, "spec");
    }

    /** @return the volume ({@code local-lvm:vm-100-disk-0}, {@code local-lvm:32} when allocating, {@code none}). */
    public String volume() {
        return spec.positional().or(() -> spec.get("file")).or(() -> spec.get("volume")).orElse("");
    }

    /** @return the storage id before {@code :} in the volume, or {@code ""}. */
    public String storage() {
        String v = volume();
        int i = v.indexOf(':');
        return i < 0 ? "" : v.substring(0, i);
    }

    /** @return the bus: {@code scsi}, {@code virtio}, {@code sata}, {@code ide}, or the slot for others. */
    public String bus() {
        return slot.replaceAll("\\d+$", "");
    }

    /** @return the size as PVE writes it ({@code 32G}), or {@code ""}. */
    public String size() {
        return spec.getOrEmpty("size");
    }

    /** @return the size in GiB, rounded up; 0 when unknown. */
    public long sizeGiB() {
        return Sizes.toGiB(size());
    }

    /** @return whether this is a CD/DVD drive ({@code media=cdrom}). */
    public boolean cdrom() {
        return spec.getOrEmpty("media").equals("cdrom");
    }

    public String format() {
        return spec.getOrEmpty("format");
    }

    public String cache() {
        return spec.getOrEmpty("cache");
    }

    /** @return {@code on}, {@code ignore} or {@code ""}. */
    public String discard() {
        return spec.getOrEmpty("discard");
    }

    public boolean ssd() {
        return spec.flag("ssd");
    }

    public boolean iothread() {
        return spec.flag("iothread");
    }

    public boolean backup() {
        return spec.get("backup").map(PropertyString::truthy).orElse(true);
    }

    /** @return the mount point of a container volume ({@code mp=/data}), or {@code ""}. */
    public String mountPoint() {
        return spec.getOrEmpty("mp");
    }

    /** @return a copy with one option set ({@code ""} removes it). */
    public Disk with(String key, String value) {
        return new Disk(slot, spec.with(key, value));
    }
}
