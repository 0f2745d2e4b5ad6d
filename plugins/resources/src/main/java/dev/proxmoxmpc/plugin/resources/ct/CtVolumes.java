package dev.proxmoxmpc.plugin.resources.ct;

import dev.proxmoxmpc.plugin.resources.check.Values;
import dev.proxmoxmpc.spi.command.UsageException;
import dev.proxmoxmpc.spi.model.PropertyString;
import java.util.Set;
import java.util.TreeMap;

/**
 * Container volumes as desired state keeps a volume to create: {@code rootfs = local-lvm:8,size=8G},
 * {@code mp0 = local-lvm:16,mp=/data,size=16G} (volume first, then {@code mp}, then the options sorted, as PVE prints).
 */
public final class CtVolumes {
    private static final Set<String> BOOLEANS = Set.of("acl", "backup", "quota", "replicate", "ro", "shared");

    private CtVolumes() {}

    /** A parsed {@code storage:GiB[,opts]} or {@code 8G}. */
    public record Volume(String storage, long sizeGiB, TreeMap<String, String> options) {}

    /** @param spec {@code local-lvm:8}, {@code 8G}, {@code local-lvm:8,acl=1} */
    public static Volume parse(String option, String spec) {
        PropertyString p = PropertyString.parse(spec.trim());
        String vol = p.positional().orElseThrow(() -> new UsageException(option + " needs a size: 8G or local-lvm:8"));
        String storage = "";
        String size = vol;
        int colon = vol.indexOf(':');
        if (colon >= 0) {
            storage = vol.substring(0, colon);
            size = vol.substring(colon + 1);
        }
        long gib = Values.diskGiB(option, size);
        TreeMap<String, String> opts = new TreeMap<>();
        for (PropertyString.Entry e : p.entries()) {
            if (e.key().isEmpty()) {
                continue;
            }
            if (BOOLEANS.contains(e.key())) {
                opts.put(e.key(), Values.bool(option + " " + e.key(), e.value()));
            } else if (e.key().equals("mountoptions")) {
                opts.put(e.key(), e.value());
            } else {
                throw new UsageException(option + ": unknown option '" + e.key() + "' (use acl, backup, quota, replicate, ro, shared, mountoptions)");
            }
        }
        return new Volume(storage, gib, opts);
    }

    /** @return a mount path: absolute, no {@code ..}, no spaces or commas. */
    public static String mountPath(String option, String path) {
        if (!path.startsWith("/") || path.equals("/") || path.contains("..") || !path.matches("/[A-Za-z0-9_./-]+")) {
            throw new UsageException(option + ": mount path '" + path + "' must be absolute (like /data), without '..' or spaces");
        }
        return path;
    }

    /** @return the desired value of a new volume. */
    public static String format(String storage, long gib, String mountPath, TreeMap<String, String> options) {
        StringBuilder sb = new StringBuilder(storage + ":" + gib);
        if (!mountPath.isEmpty()) {
            sb.append(",mp=").append(mountPath);
        }
        TreeMap<String, String> opts = new TreeMap<>(options);
        opts.put("size", gib + "G");
        opts.forEach((k, v) -> sb.append(',').append(k).append('=').append(v));
        return sb.toString();
    }
}
