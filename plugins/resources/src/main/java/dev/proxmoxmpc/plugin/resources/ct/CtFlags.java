package dev.proxmoxmpc.plugin.resources.ct;

import dev.proxmoxmpc.plugin.resources.options.GuestFlags;
import dev.proxmoxmpc.plugin.resources.complete.Completion;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options of {@code create container} and {@code update container}: the shared {@link GuestFlags} and the container's own. {@link CtOptions} reads them. */
public final class CtFlags {
    @Option(names = {"--hostname", "--name"}, paramLabel = "N", description = "the container's host name (--name works too)")
    String hostname;
    /** The shared options, listed after the name in usage and help. */
    @Mixin
    GuestFlags guest = new GuestFlags();
    @Option(names = "--ostemplate", paramLabel = "STORAGE:vztmpl/FILE", completionCandidates = Completion.Values.class, description = "create: the OS template")
    String ostemplate;
    @Option(names = "--swap", paramLabel = "MiB", description = "swap")
    String swap;
    @Option(names = "--rootfs", paramLabel = "S:8|8G", description = "root disk")
    String rootfs;
    @Option(names = "--mp", paramLabel = "/srv=S:20", description = "a mount point (repeatable)")
    List<String> mp = List.of();
    @Option(names = "--unprivileged", arity = "0..1", paramLabel = "0|1", fallbackValue = "1", description = "create: unprivileged container")
    String unprivileged;
    @Option(names = "--features", paramLabel = "nesting=1,...", completionCandidates = Completion.Values.class, description = "features")
    String features;
    @Option(names = "--net", paramLabel = "name=eth0,bridge=vmbr0,ip=dhcp,...", completionCandidates = Completion.Values.class, description = "a NIC (repeatable)")
    List<String> net = List.of();
    @Option(names = "--password-env", paramLabel = "VAR", description = "create: the variable holding the root password")
    String passwordEnv;
    @Option(names = "--searchdomain", paramLabel = "DOMAIN", description = "DNS search domain")
    String searchdomain;

    /** @return the options only {@code create container} takes that were given, by name, for {@code update container}'s message */
    public List<String> createOnly() {
        List<String> out = new java.util.ArrayList<>();
        if (ostemplate != null) {
            out.add("--ostemplate");
        }
        guest.vmid().ifPresent(v -> out.add("--vmid"));
        guest.sshKeys().ifPresent(v -> out.add("--ssh-keys"));
        guest.storage().ifPresent(v -> out.add("--storage"));
        return out;
    }

    /** @return whether {@code --unprivileged} was given */
    public boolean unprivileged() {
        return unprivileged != null;
    }

    /** @return whether {@code --node} was given */
    public boolean node() {
        return guest.node().isPresent();
    }
}
