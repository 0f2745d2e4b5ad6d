package dev.proxmoxmpc.plugin.terraform.mapping;

import dev.proxmoxmpc.spi.model.Disk;
import dev.proxmoxmpc.spi.model.PropertyString;
import java.util.Set;

/** The attributes of a VM {@code disk} block, mapped to a disk's property string. */
final class DiskFields {
    private DiskFields() {}

    /** Property string options the disk block expresses; any other option is reported. */
    static final Set<String> KNOWN = Set.of("", "file", "size", "format", "cache", "discard", "ssd", "iothread",
            "backup", "replicate", "aio", "serial");

    static Disk opt(Disk d, String key, Object v) {
        return d.with(key, Pve.text(v));
    }

    static Disk flag(Disk d, String key, Object v, boolean dflt) {
        boolean b = Boolean.TRUE.equals(v);
        return d.with(key, b == dflt && d.spec().get(key).isEmpty() ? "" : Pve.flag(v));
    }

    static final FieldSet<Disk> FIELDS = new FieldSet<Disk>()
            .always("datastore_id", "local-lvm", d -> d.storage().isEmpty() ? null : d.storage(), DiskFields::setDatastore)
            .always("interface", null, Disk::slot, (d, v) -> d)
            .always("size", 8, d -> d.size().isEmpty() ? null : d.sizeGiB(), DiskFields::setSize)
            .add("file_format", null, d -> d.format().isEmpty() ? null : d.format(), (d, v) -> opt(d, "format", v))
            .add("cache", "none", d -> d.cache().isEmpty() ? null : d.cache(), (d, v) -> opt(d, "cache", v))
            .add("discard", "ignore", d -> d.discard().isEmpty() ? null : d.discard(), (d, v) -> opt(d, "discard", v))
            .add("ssd", false, Disk::ssd, (d, v) -> flag(d, "ssd", v, false))
            .add("iothread", false, Disk::iothread, (d, v) -> flag(d, "iothread", v, false))
            .add("backup", true, Disk::backup, (d, v) -> flag(d, "backup", v, true))
            .add("replicate", true, d -> Pve.bool(d.spec().getOrEmpty("replicate"), true), (d, v) -> flag(d, "replicate", v, true))
            .add("aio", "io_uring", d -> d.spec().get("aio").orElse(null), (d, v) -> opt(d, "aio", v))
            .add("serial", null, d -> d.spec().get("serial").orElse(null), (d, v) -> opt(d, "serial", v));

    /** Sets {@code size=NG}, and the amount to allocate of a disk still to create ({@code local-lvm:N}). */
    static Disk setSize(Disk d, Object v) {
        Disk out = opt(d, "size", Pve.text(v) + "G");
        String volume = d.volume();
        if (volume.matches("[^:,]+:\\d+") && d.spec().positional().isPresent()) {
            out = new Disk(d.slot(), out.spec().withPositional(d.storage() + ":" + Pve.text(v)));
        }
        return out;
    }

    private static Disk setDatastore(Disk d, Object v) {
        String volume = d.volume();
        int colon = volume.indexOf(':');
        String rest = colon < 0 ? Long.toString(Math.max(d.sizeGiB(), 1)) : volume.substring(colon + 1);
        String ds = Pve.text(v);
        PropertyString ps = d.spec().get("file").isPresent() ? d.spec().with("file", ds + ":" + rest)
                : d.spec().withPositional(ds + ":" + rest);
        return new Disk(d.slot(), ps);
    }

    /** @return whether a VM drive is a cloud-init drive. */
    static boolean cloudInit(Disk d) {
        return d.volume().contains("cloudinit");
    }

    /** @return the options of a disk the block cannot express, as {@code key=value} text. */
    static String unknownOptions(Disk d) {
        StringBuilder sb = new StringBuilder();
        for (PropertyString.Entry e : d.spec().entries()) {
            if (!KNOWN.contains(e.key())) {
                sb.append(sb.length() == 0 ? "" : ",").append(e.key());
            }
        }
        return sb.toString();
    }
}
