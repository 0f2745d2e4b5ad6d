package dev.proxmoxmpc.plugin.resources.vm;

import dev.proxmoxmpc.plugin.resources.options.GuestFlags;
import dev.proxmoxmpc.plugin.resources.complete.Completion;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options of {@code create vm} and {@code update vm}: the shared {@link GuestFlags} and the VM's own. {@link VmOptions} reads them. */
public final class VmFlags {
    @Option(names = "--name", paramLabel = "N", description = "the VM's name (a DNS label)")
    String name;
    /** The shared options, listed after the name in usage and help. */
    @Mixin
    GuestFlags guest = new GuestFlags();
    @Option(names = "--sockets", paramLabel = "S", description = "CPU sockets")
    String sockets;
    @Option(names = "--balloon", paramLabel = "MiB", description = "minimum memory with ballooning")
    String balloon;
    @Option(names = "--cpu", paramLabel = "TYPE", completionCandidates = Completion.Values.class, description = "CPU type")
    String cpu;
    @Option(names = "--template", paramLabel = "NAME|VMID", completionCandidates = Completion.Values.class, description = "create: clone this template")
    String template;
    @Option(names = "--full-clone", description = "create: a full copy, not a linked clone")
    boolean fullClone;
    @Option(names = "--iso", paramLabel = "STORAGE:iso/FILE", completionCandidates = Completion.Values.class, description = "boot from this ISO")
    String iso;
    @Option(names = "--disk", paramLabel = "32G|SLOT=S:64,ssd=1,...", description = "a disk (repeatable)")
    List<String> disk = List.of();
    @Option(names = "--net", paramLabel = "bridge=vmbr0,tag=10,...", completionCandidates = Completion.Values.class, description = "a NIC (repeatable)")
    List<String> net = List.of();
    @Option(names = "--ip", paramLabel = "dhcp|CIDR,gw=IP", completionCandidates = Completion.Values.class, description = "cloud-init address of a NIC (repeatable)")
    List<String> ip = List.of();
    @Option(names = "--ci-user", paramLabel = "U", description = "cloud-init user")
    String ciUser;
    @Option(names = "--agent", arity = "0..1", paramLabel = "0|1", fallbackValue = "1", description = "QEMU guest agent")
    String agent;

    /** @return the options only {@code create vm} takes that were given, by name, for {@code update vm}'s message */
    public List<String> createOnly() {
        List<String> out = new java.util.ArrayList<>();
        if (template != null) {
            out.add("--template");
        }
        if (fullClone) {
            out.add("--full-clone");
        }
        guest.vmid().ifPresent(v -> out.add("--vmid"));
        guest.storage().ifPresent(v -> out.add("--storage"));
        return out;
    }

    /** @return whether {@code --node} was given */
    public boolean node() {
        return guest.node().isPresent();
    }
}
