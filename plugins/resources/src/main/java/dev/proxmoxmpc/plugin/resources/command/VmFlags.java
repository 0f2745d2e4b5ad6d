package dev.proxmoxmpc.plugin.resources.command;

import java.util.List;
import picocli.CommandLine.Option;

/**
 * The options of {@code create vm} and {@code update vm}.
 * The option parser reads them by name through {@code Flags}; the fields are their declaration.
 */
final class VmFlags {
    @Option(names = "--name", paramLabel = "N", description = "the VM's name (a DNS label)")
    String name;
    @Option(names = "--cores", paramLabel = "C", description = "CPU cores")
    String cores;
    @Option(names = "--sockets", paramLabel = "S", description = "CPU sockets")
    String sockets;
    @Option(names = "--memory", paramLabel = "MiB|8G", description = "memory")
    String memory;
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
    @Option(names = "--storage", paramLabel = "S", completionCandidates = Completion.Values.class, description = "create: the disks' storage")
    String storage;
    @Option(names = "--disk", paramLabel = "32G|SLOT=S:64,ssd=1,...", description = "a disk (repeatable)")
    List<String> disk = List.of();
    @Option(names = "--net", paramLabel = "bridge=vmbr0,tag=10,...", completionCandidates = Completion.Values.class, description = "a NIC (repeatable)")
    List<String> net = List.of();
    @Option(names = "--ip", paramLabel = "dhcp|CIDR,gw=IP", completionCandidates = Completion.Values.class, description = "cloud-init address of a NIC (repeatable)")
    List<String> ip = List.of();
    @Option(names = "--ci-user", paramLabel = "U", description = "cloud-init user")
    String ciUser;
    @Option(names = "--ssh-keys", paramLabel = "FILE", description = "cloud-init SSH public keys")
    String sshKeys;
    @Option(names = "--nameserver", paramLabel = "IP", description = "cloud-init DNS server")
    String nameserver;
    @Option(names = "--agent", arity = "0..1", paramLabel = "0|1", fallbackValue = "1", description = "QEMU guest agent")
    String agent;
    @Option(names = "--onboot", arity = "0..1", paramLabel = "0|1", fallbackValue = "1", description = "start at boot")
    String onboot;
    @Option(names = "--protection", arity = "0..1", paramLabel = "0|1", fallbackValue = "1", description = "update: protect from deletion")
    String protection;
    @Option(names = "--start", arity = "0..1", paramLabel = "0|1", fallbackValue = "1", description = "start after /apply creates it")
    String start;
    @Option(names = "--node", paramLabel = "N", completionCandidates = Completion.Values.class, description = "create: the node")
    String node;
    @Option(names = "--pool", paramLabel = "P", completionCandidates = Completion.Values.class, description = "resource pool")
    String pool;
    @Option(names = "--tags", paramLabel = "a,b", completionCandidates = Completion.Values.class, description = "tags")
    String tags;
    @Option(names = "--description", paramLabel = "D", description = "notes")
    String description;
    @Option(names = "--vmid", paramLabel = "ID", description = "create: this VMID")
    String vmid;
}
