package dev.proxmoxmpc.plugin.resources.vm;

import dev.proxmoxmpc.plugin.resources.check.StateChecks;
import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.GuestRuntime;
import dev.proxmoxmpc.spi.model.PowerState;
import dev.proxmoxmpc.spi.model.VirtualMachine;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds the desired config of a new VM as the server will hold it after the create: from scratch with the web
 * interface's defaults, or as a clone of a template ({@code mpc.clone-from}, {@code mpc.full-clone}).
 */
public final class NewVm {
    /** Desired-only metadata shared with the sync engine. */
    public static final String CLONE_FROM = "mpc.clone-from";
    public static final String FULL_CLONE = "mpc.full-clone";
    /** The storage a full clone goes to (the planner passes it as the clone's {@code storage}). */
    public static final String CLONE_STORAGE = "mpc.clone-storage";
    public static final String DEFAULT_CPU = "x86-64-v2-AES";
    public static final String DEFAULT_SCSIHW = "virtio-scsi-single";
    public static final long DEFAULT_DISK_GIB = 32;

    private NewVm() {}

    /** A VM from scratch: options over the defaults (1 socket, 1 core, 2048 MiB, one 32G SCSI disk, one virtio NIC). */
    public static VirtualMachine fresh(int vmid, String node, VmOptions o, VmSettings settings, int nodeCpus) {
        Map<String, String> cfg = new TreeMap<>();
        settings.apply(cfg, o);
        cfg.putIfAbsent("cores", "1");
        cfg.putIfAbsent("sockets", "1");
        cfg.putIfAbsent("memory", "2048");
        cfg.putIfAbsent("cpu", DEFAULT_CPU);
        cfg.putIfAbsent("scsihw", DEFAULT_SCSIHW);
        cfg.putIfAbsent("ostype", "l26");
        if (cfg.keySet().stream().noneMatch(k -> k.matches("(scsi|virtio|sata)\\d+"))) {
            cfg.put("scsi0", DiskArg.allocation(settings.storage(o), DEFAULT_DISK_GIB, Map.of("iothread", "1")));
        }
        if (cfg.keySet().stream().noneMatch(k -> k.matches("net\\d+"))) {
            settings.nic(cfg, NicArg.parse("model=virtio"));
        }
        settings.checkCpus(cfg, nodeCpus);
        return new VirtualMachine(vmid, node, o.pool().orElse(""), state(o), cfg, GuestRuntime.NONE);
    }

    /** A clone of {@code template}: its config with the options applied; linked unless {@code --full-clone} or {@code --storage}. */
    public static VirtualMachine fromTemplate(int vmid, String node, Guest template, VmOptions o, VmSettings settings,
                                              StateChecks checks, int nodeCpus) {
        Map<String, String> cfg = GuestCopy.configOf(template);
        settings.apply(cfg, o);
        cfg.put(CLONE_FROM, Integer.toString(template.vmid()));
        boolean full = o.fullClone() || o.storage().isPresent();
        cfg.put(FULL_CLONE, full ? "1" : "0");
        o.storage().ifPresent(s -> cfg.put(CLONE_STORAGE, checks.storage("--storage", s, "images", node).id()));
        settings.checkCpus(cfg, nodeCpus);
        return new VirtualMachine(vmid, node, o.pool().orElse(""), state(o), cfg, GuestRuntime.NONE);
    }

    /** A clone of any VM ({@code clone vm}): a full copy unless the source is a template and {@code full} is false. */
    public static VirtualMachine cloneOf(int vmid, String node, Guest source, String name, boolean full, String pool) {
        Map<String, String> cfg = GuestCopy.configOf(source);
        cfg.put("name", name);
        cfg.put(CLONE_FROM, Integer.toString(source.vmid()));
        cfg.put(FULL_CLONE, full || !source.template() ? "1" : "0");
        return new VirtualMachine(vmid, node, pool, PowerState.STOPPED, cfg, GuestRuntime.NONE);
    }

    private static PowerState state(VmOptions o) {
        return o.start().orElse(false) ? PowerState.RUNNING : PowerState.STOPPED;
    }
}
