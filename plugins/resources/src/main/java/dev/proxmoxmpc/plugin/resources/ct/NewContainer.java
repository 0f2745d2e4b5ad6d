package dev.proxmoxmpc.plugin.resources.ct;

import dev.proxmoxmpc.plugin.resources.check.StateChecks;
import dev.proxmoxmpc.spi.command.UsageException;
import dev.proxmoxmpc.spi.model.Container;
import dev.proxmoxmpc.spi.model.GuestRuntime;
import dev.proxmoxmpc.spi.model.PowerState;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds the desired config of a new container as the server will hold it after the create: {@code arch} and
 * {@code ostype} as PVE detects them from the template, memory and swap 512 MiB, an 8G root file system and
 * {@code eth0} on the default bridge with DHCP unless given; {@code ostemplate} and {@code ssh-public-keys} are kept
 * as create-only parameters.
 */
public final class NewContainer {
    public static final long DEFAULT_ROOTFS_GIB = 8;

    private NewContainer() {}

    public static Container create(int vmid, String node, CtOptions o, CtSettings settings, StateChecks checks) {
        String ostemplate = o.ostemplate().orElseThrow(() -> new UsageException(
                "missing --ostemplate (like local:vztmpl/debian-12-standard_12.7-1_amd64.tar.zst)"));
        checks.storage("--ostemplate", ostemplate.substring(0, ostemplate.indexOf(':')), "vztmpl", node);
        Map<String, String> cfg = new TreeMap<>();
        settings.apply(cfg, o);
        cfg.put("ostemplate", ostemplate);
        cfg.put("arch", arch(ostemplate));
        String os = osType(ostemplate);
        if (!os.isEmpty()) {
            cfg.put("ostype", os);
        }
        cfg.putIfAbsent("memory", "512");
        cfg.putIfAbsent("swap", "512");
        if (o.unprivileged().orElse(false)) {
            cfg.put("unprivileged", "1");
        }
        if (!cfg.containsKey("rootfs")) {
            cfg.put("rootfs", CtVolumes.format(settings.storage(o), DEFAULT_ROOTFS_GIB, "", new TreeMap<>()));
        }
        if (cfg.keySet().stream().noneMatch(k -> k.matches("net\\d+"))) {
            settings.nic(cfg, CtNic.parse("name=eth0,ip=dhcp"));
        }
        PowerState st = o.start().orElse(false) ? PowerState.RUNNING : PowerState.STOPPED;
        return new Container(vmid, node, o.pool().orElse(""), st, cfg, GuestRuntime.NONE);
    }

    /** @return {@code arm64} for an arm64 template, else {@code amd64}. */
    static String arch(String ostemplate) {
        String f = ostemplate.toLowerCase(java.util.Locale.ROOT);
        return f.contains("_arm64") || f.contains("-arm64") ? "arm64" : f.contains("_i386") ? "i386" : "amd64";
    }

    /** @return the {@code ostype} PVE detects for the distribution in the template's name, or {@code ""}. */
    static String osType(String ostemplate) {
        String file = ostemplate.substring(ostemplate.indexOf("vztmpl/") + 7).toLowerCase(java.util.Locale.ROOT);
        String distro = file.split("[-_]")[0];
        return switch (distro) {
            case "debian", "ubuntu", "alpine", "centos", "fedora", "archlinux", "opensuse", "gentoo", "devuan", "nixos" -> distro;
            case "rockylinux", "almalinux", "rocky", "alma" -> "centos";
            default -> "";
        };
    }
}
