package dev.proxmoxmpc.plugin.resources.command;

import java.util.List;
import picocli.CommandLine.Option;

/**
 * The options of {@code create container} and {@code update container}.
 * The option parser reads them by name through {@code Flags}; the fields are their declaration.
 */
final class CtFlags {
    @Option(names = {"--hostname", "--name"}, paramLabel = "N", description = "the container's host name (--name works too)")
    String hostname;
    @Option(names = "--ostemplate", paramLabel = "STORAGE:vztmpl/FILE", completionCandidates = Completion.Values.class, description = "create: the OS template")
    String ostemplate;
    @Option(names = "--cores", paramLabel = "C", description = "CPU cores")
    String cores;
    @Option(names = "--memory", paramLabel = "MiB|1G", description = "memory")
    String memory;
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
    @Option(names = "--ssh-keys", paramLabel = "FILE", description = "create: SSH public keys")
    String sshKeys;
    @Option(names = "--nameserver", paramLabel = "IP", description = "DNS server")
    String nameserver;
    @Option(names = "--searchdomain", paramLabel = "DOMAIN", description = "DNS search domain")
    String searchdomain;
    @Option(names = "--onboot", arity = "0..1", paramLabel = "0|1", fallbackValue = "1", description = "start at boot")
    String onboot;
    @Option(names = "--protection", arity = "0..1", paramLabel = "0|1", fallbackValue = "1", description = "update: protect from deletion")
    String protection;
    @Option(names = "--start", arity = "0..1", paramLabel = "0|1", fallbackValue = "1", description = "start after /apply creates it")
    String start;
    @Option(names = "--storage", paramLabel = "S", completionCandidates = Completion.Values.class, description = "create: the root disk's storage")
    String storage;
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
