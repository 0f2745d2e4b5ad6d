package dev.proxmoxmpc.plugin.resources.ct;

import dev.proxmoxmpc.plugin.resources.check.Values;
import dev.proxmoxmpc.plugin.resources.options.GuestFlags;
import dev.proxmoxmpc.spi.command.UsageException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** The options of {@code create container} and {@code update container}, parsed and checked for form. Pure. */
public record CtOptions(Optional<String> hostname, Optional<String> ostemplate, Optional<Integer> cores, Optional<Integer> memoryMiB,
                        Optional<Integer> swapMiB, Optional<String> rootfs, List<String> mounts, Optional<Boolean> unprivileged,
                        Optional<String> features, List<String> nets, Optional<String> passwordEnv, Optional<String> sshKeysFile,
                        Optional<String> nameserver, Optional<String> searchdomain, Optional<Boolean> onboot,
                        Optional<Boolean> protection, Optional<Boolean> start, Optional<String> storage, Optional<String> node,
                        Optional<String> pool, Optional<String> tags, Optional<String> description, Optional<Integer> vmid) {

    private static final Pattern OSTEMPLATE = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]*:vztmpl/[^/\\s]+\\.tar(\\.(gz|xz|zst|bz2))?");
    private static final Set<String> FEATURES = Set.of("nesting", "keyctl", "fuse", "mknod", "force_rw_sys");

    public CtOptions {
        mounts = List.copyOf(mounts);
        nets = List.copyOf(nets);
    }

    /** Checks the options given; a malformed value is a {@link UsageException} naming the option. */
    public static CtOptions parse(CtFlags f) {
        GuestFlags g = f.guest;
        Optional<String> ostemplate = Optional.ofNullable(f.ostemplate).map(v -> {
            if (!OSTEMPLATE.matcher(v).matches()) {
                throw new UsageException("--ostemplate must be a volume like local:vztmpl/debian-12-standard_12.7-1_amd64.tar.zst, got '" + v + "'");
            }
            return v;
        });
        return new CtOptions(
                Optional.ofNullable(f.hostname).map(v -> Values.dnsName("--hostname", v)),
                ostemplate,
                g.cores().map(v -> Values.intIn("--cores", v, 1, 8192)),
                g.memory().map(v -> Values.memoryMiB("--memory", v)),
                Optional.ofNullable(f.swap).map(v -> (int) Values.mib("--swap", v)),
                Optional.ofNullable(f.rootfs), f.mp,
                GuestFlags.bool("--unprivileged", Optional.ofNullable(f.unprivileged)),
                Optional.ofNullable(f.features).map(CtOptions::features),
                f.net,
                Optional.ofNullable(f.passwordEnv).map(v -> Values.envName("--password-env", v)),
                g.sshKeys(),
                g.nameserver().map(v -> Values.addressList("--nameserver", v)),
                Optional.ofNullable(f.searchdomain).map(v -> Values.dnsName("--searchdomain", v)),
                GuestFlags.bool("--onboot", g.onboot()), GuestFlags.bool("--protection", g.protection()),
                GuestFlags.bool("--start", g.start()),
                g.storage(), g.node(), g.pool(),
                g.tags().map(v -> Values.tags("--tags", v)),
                g.description().map(v -> Values.text("--description", v, 8192)),
                g.vmid().map(v -> Values.vmid("--vmid", v)));
    }

    /** @return features as PVE prints them: {@code keyctl=1,nesting=1} (sorted, booleans 0/1, {@code mount=nfs;cifs}). */
    static String features(String value) {
        java.util.TreeMap<String, String> out = new java.util.TreeMap<>();
        for (var e : dev.proxmoxmpc.spi.model.PropertyString.parse(value).entries()) {
            if (e.key().equals("mount")) {
                out.put("mount", e.value());
            } else if (FEATURES.contains(e.key())) {
                out.put(e.key(), Values.bool("--features " + e.key(), e.value()));
            } else {
                throw new UsageException("--features: unknown feature '" + (e.key().isEmpty() ? e.value() : e.key())
                        + "' (use nesting, keyctl, fuse, mknod, force_rw_sys, mount)");
            }
        }
        StringBuilder sb = new StringBuilder();
        out.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ",").append(k).append('=').append(v));
        return sb.toString();
    }
}
