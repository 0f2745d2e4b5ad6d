package dev.proxmoxmpc.plugin.resources.vm;

import dev.proxmoxmpc.plugin.resources.check.Values;
import dev.proxmoxmpc.plugin.resources.check.Flags;
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

    /** Parses {@code words}; a malformed value is a {@link UsageException} naming the option. */
    public static VmOptions parse(Flags a) {
        Optional<Integer> memory = a.value("--memory").map(v -> Values.memoryMiB("--memory", v));
        Optional<Integer> balloon = a.value("--balloon").map(v -> (int) Values.mib("--balloon", v));
        if (balloon.isPresent() && memory.isPresent() && balloon.get() > memory.get()) {
            throw new UsageException("--balloon (" + balloon.get() + " MiB) cannot exceed --memory (" + memory.get() + " MiB)");
        }
        Optional<String> cpu = a.value("--cpu").map(v -> {
            if (!CPU.matcher(v).matches()) {
                throw new UsageException("--cpu '" + v + "' is not a CPU type (host, x86-64-v2-AES, kvm64, ...)");
            }
            return v;
        });
        Optional<String> iso = a.value("--iso").map(v -> {
            if (!ISO.matcher(v).matches()) {
                throw new UsageException("--iso must be a volume like local:iso/debian-12.8.0-amd64-netinst.iso, got '" + v + "'");
            }
            return v;
        });
        return new VmOptions(
                a.value("--name").map(v -> Values.dnsName("--name", v)),
                a.value("--cores").map(v -> Values.intIn("--cores", v, 1, 1024)),
                a.value("--sockets").map(v -> Values.intIn("--sockets", v, 1, 16)),
                memory, balloon, cpu, a.value("--template"), a.flag("--full-clone"), iso, a.value("--storage"),
                a.values("--disk").stream().map(DiskArg::parse).toList(),
                a.values("--net").stream().map(NicArg::parse).toList(),
                a.values("--ip").stream().map(v -> IpArg.parse("--ip", v)).toList(),
                a.value("--ci-user").map(v -> Values.text("--ci-user", v, 64)),
                a.value("--ssh-keys"),
                a.value("--nameserver").map(v -> Values.addressList("--nameserver", v)),
                bool(a, "--agent"), bool(a, "--onboot"), bool(a, "--protection"), bool(a, "--start"),
                a.value("--node"), a.value("--pool"),
                a.value("--tags").map(v -> Values.tags("--tags", v)),
                a.value("--description").map(v -> Values.text("--description", v, 8192)),
                a.value("--vmid").map(v -> Values.vmid("--vmid", v)));
    }

    /** @return a boolean flag: absent, or {@code --flag} / {@code --flag=1} / {@code --flag=0}. */
    static Optional<Boolean> bool(Flags a, String flag) {
        return a.value(flag).map(v -> Values.bool(flag, v).equals("1"));
    }

    /** @return whether any cloud-init option is set. */
    public boolean cloudInit() {
        return !ipConfigs.isEmpty() || ciUser.isPresent() || sshKeysFile.isPresent() || nameserver.isPresent();
    }
}
