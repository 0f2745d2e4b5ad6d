package dev.proxmoxmpc.plugin.ansible.provision;

import dev.proxmoxmpc.spi.model.Container;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A container's root disk as Ansible's {@code proxmox} module takes it: {@code storage} (its default, {@code local},
 * holds no container disks on a stock node, so creating fails without it) and {@code disk} ({@code local-lvm:8}: PVE
 * makes a new volume of that many GiB there).
 *
 * @param storage the storage of {@code rootfs} ({@code local-lvm})
 * @param sizeGiB its size in GiB, 0 when unknown
 */
public record RootDisk(String storage, long sizeGiB) {
    private static final Pattern SIZE = Pattern.compile("(?:^|,)size=(\\d+)G(?:,|$)");
    private static final Pattern NEW = Pattern.compile("^[^:,]+:(\\d+)(?:,|$)");

    /** @return the root disk of {@code rootfs} ({@code local-lvm:vm-200-disk-0,size=8G} or {@code local-lvm:8}) */
    public static Optional<RootDisk> of(Container ct) {
        String rootfs = ct.config().getOrDefault("rootfs", "");
        int colon = rootfs.indexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        Matcher size = SIZE.matcher(rootfs);
        Matcher fresh = NEW.matcher(rootfs);
        long gib = size.find() ? Long.parseLong(size.group(1)) : fresh.find() ? Long.parseLong(fresh.group(1)) : 0;
        return Optional.of(new RootDisk(rootfs.substring(0, colon), gib));
    }
}
