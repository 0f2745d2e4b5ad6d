package dev.proxmoxmpc.plugin.resources.vm;

import dev.proxmoxmpc.plugin.resources.check.Values;
import dev.proxmoxmpc.plugin.resources.options.GuestFlags;
import dev.proxmoxmpc.spi.command.UsageException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The VM options of {@code create vm} and {@code update vm}, parsed and checked for form (not yet against the state).
 * Pure: no I/O, no state.
 */
public record VmOptions(Optional<String> name, Optional<Integer> cores, Optional<Integer> sockets, Optional<Integer> memoryMiB,
                        Optional<Integer> balloonMiB, Optional<String> cpu, Optional<String> template, boolean fullClone,
                        Optional<String> iso, Optional<String> storage, List<DiskArg> disks, List<NicArg> nets, List<String> ipConfigs,
                        Optional<String> ciUser, Optional<String> sshKeysFile, Optional<String> nameserver, Optional<Boolean> agent,
                        Optional<Boolean> onboot, Optional<Boolean> protection, Optional<Boolean> start, Optional<String> node,
                        Optional<String> pool, Optional<String> tags, Optional<String> description, Optional<Integer> vmid) {

    private static final java.util.regex.Pattern CPU = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.+-]*");
    private static final java.util.regex.Pattern ISO = java.util.regex.Pattern.compile("[A-Za-z][A-Za-z0-9_.-]*:iso/[^/\\s]+\\.(iso|img)");

    public VmOptions {
        disks = List.copyOf(disks);
        nets = List.copyOf(nets);
        ipConfigs = List.copyOf(ipConfigs);
    }

    /** Checks the options given; a malformed value is a {@link UsageException} naming the option. */
    public static VmOptions parse(VmFlags f) {
        GuestFlags g = f.guest;
        Optional<Integer> memory = g.memory().map(v -> Values.memoryMiB("--memory", v));
        Optional<Integer> balloon = Optional.ofNullable(f.balloon).map(v -> (int) Values.mib("--balloon", v));
        if (balloon.isPresent() && memory.isPresent() && balloon.get() > memory.get()) {
            throw new UsageException("--balloon (" + balloon.get() + " MiB) cannot exceed --memory (" + memory.get() + " MiB)");
        }
        Optional<String> cpu = Optional.ofNullable(f.cpu).map(v -> {
            if (!CPU.matcher(v).matches()) {
                throw new UsageException("--cpu '" + v + "' is not a CPU type (host, x86-64-v2-AES, kvm64, ...)");
            }
            return v;
        });
        Optional<String> iso = Optional.ofNullable(f.iso).map(v -> {
            if (!ISO.matcher(v).matches()) {
                throw new UsageException("--iso must be a volume like local:iso/debian-12.8.0-amd64-netinst.iso, got '" + v + "'");
            }
            return v;
        });
        return new VmOptions(
                Optional.ofNullable(f.name).map(v -> Values.dnsName("--name", v)),
                g.cores().map(v -> Values.intIn("--cores", v, 1, 1024)),
                Optional.ofNullable(f.sockets).map(v -> Values.intIn("--sockets", v, 1, 16)),
                memory, balloon, cpu, Optional.ofNullable(f.template), f.fullClone, iso, g.storage(),
                f.disk.stream().map(DiskArg::parse).toList(),
                f.net.stream().map(NicArg::parse).toList(),
                f.ip.stream().map(v -> IpArg.parse("--ip", v)).toList(),
                Optional.ofNullable(f.ciUser).map(v -> Values.text("--ci-user", v, 64)),
                g.sshKeys(),
                g.nameserver().map(v -> Values.addressList("--nameserver", v)),
                GuestFlags.bool("--agent", Optional.ofNullable(f.agent)), GuestFlags.bool("--onboot", g.onboot()),
                GuestFlags.bool("--protection", g.protection()), GuestFlags.bool("--start", g.start()),
                g.node(), g.pool(),
                g.tags().map(v -> Values.tags("--tags", v)),
                g.description().map(v -> Values.text("--description", v, 8192)),
                g.vmid().map(v -> Values.vmid("--vmid", v)));
    }

    /** @return whether any cloud-init option is set. */
    public boolean cloudInit() {
        return !ipConfigs.isEmpty() || ciUser.isPresent() || sshKeysFile.isPresent() || nameserver.isPresent();
    }
}
