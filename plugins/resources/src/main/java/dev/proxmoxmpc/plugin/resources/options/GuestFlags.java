package dev.proxmoxmpc.plugin.resources.options;

import dev.proxmoxmpc.plugin.resources.check.Values;

import dev.proxmoxmpc.plugin.resources.complete.Completion;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The options VMs and containers share ({@code create|update vm|container}), declared once: a mixin of
 * {@code VmFlags} and {@code CtFlags}. The option parsers read the fields; nothing reads an option by its name.
 */
public final class GuestFlags {
    @Option(names = "--cores", paramLabel = "C", description = "CPU cores")
    String cores;
    @Option(names = "--memory", paramLabel = "MiB|8G", description = "memory")
    String memory;
    @Option(names = "--ssh-keys", paramLabel = "FILE", description = "SSH public keys (a VM's through cloud-init; a container's at create)")
    String sshKeys;
    @Option(names = "--nameserver", paramLabel = "IP", description = "DNS server")
    String nameserver;
    @Option(names = "--onboot", arity = "0..1", paramLabel = "0|1", fallbackValue = "1", description = "start at boot")
    String onboot;
    @Option(names = "--protection", arity = "0..1", paramLabel = "0|1", fallbackValue = "1", description = "update: protect from deletion")
    String protection;
    @Option(names = "--start", arity = "0..1", paramLabel = "0|1", fallbackValue = "1", description = "start after /apply creates it")
    String start;
    @Option(names = "--storage", paramLabel = "S", completionCandidates = Completion.Values.class, description = "create: the disks' storage")
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

    public Optional<String> cores() {
        return Optional.ofNullable(cores);
    }

    public Optional<String> memory() {
        return Optional.ofNullable(memory);
    }

    public Optional<String> sshKeys() {
        return Optional.ofNullable(sshKeys);
    }

    public Optional<String> nameserver() {
        return Optional.ofNullable(nameserver);
    }

    /** @return {@code --onboot} as typed ({@code 1} when given without a value) */
    public Optional<String> onboot() {
        return Optional.ofNullable(onboot);
    }

    public Optional<String> protection() {
        return Optional.ofNullable(protection);
    }

    public Optional<String> start() {
        return Optional.ofNullable(start);
    }

    public Optional<String> storage() {
        return Optional.ofNullable(storage);
    }

    public Optional<String> node() {
        return Optional.ofNullable(node);
    }

    public Optional<String> pool() {
        return Optional.ofNullable(pool);
    }

    public Optional<String> tags() {
        return Optional.ofNullable(tags);
    }

    public Optional<String> description() {
        return Optional.ofNullable(description);
    }

    public Optional<String> vmid() {
        return Optional.ofNullable(vmid);
    }

    /** @return the boolean value of an arity-0..1 option ({@code --onboot}, {@code --onboot=0}), checked */
    public static Optional<Boolean> bool(String flag, Optional<String> value) {
        return value.map(v -> Values.bool(flag, v).equals("1"));
    }
}
