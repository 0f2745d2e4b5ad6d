package dev.proxmoxmpc.plugin.resources.vm;

import dev.proxmoxmpc.plugin.resources.check.SshKeys;
import dev.proxmoxmpc.plugin.resources.check.StateChecks;
import dev.proxmoxmpc.plugin.resources.check.UrlEncoding;
import dev.proxmoxmpc.spi.command.CommandException;
import dev.proxmoxmpc.spi.command.UsageException;
import dev.proxmoxmpc.spi.kernel.Workspace;
import dev.proxmoxmpc.spi.model.Disk;
import dev.proxmoxmpc.spi.model.Nic;
import dev.proxmoxmpc.spi.model.PropertyString;
import dev.proxmoxmpc.spi.model.Sizes;
import java.util.Map;

/**
 * Writes {@link VmOptions} into a VM config map as PVE wire values: the same code for a new VM, a clone of a template
 * and an update. Checks every storage, bridge and the CPU count against the known state and the target node.
 */
public final class VmSettings {
    private final StateChecks checks;
    private final Workspace workspace;
    private final String node;

    /** @param node the node the VM is (or will be) on */
    public VmSettings(StateChecks checks, Workspace workspace, String node) {
        this.checks = checks;
        this.workspace = workspace;
        this.node = node;
    }

    /** Applies every option that is set to {@code cfg}. */
    public void apply(Map<String, String> cfg, VmOptions o) {
        o.name().ifPresent(v -> cfg.put("name", v));
        o.cores().ifPresent(v -> cfg.put("cores", Integer.toString(v)));
        o.sockets().ifPresent(v -> cfg.put("sockets", Integer.toString(v)));
        o.memoryMiB().ifPresent(v -> cfg.put("memory", Integer.toString(v)));
        o.balloonMiB().ifPresent(v -> cfg.put("balloon", Integer.toString(v)));
        o.cpu().ifPresent(v -> cfg.put("cpu", v));
        o.tags().ifPresent(v -> put(cfg, "tags", v));
        o.description().ifPresent(v -> put(cfg, "description", v));
        o.agent().ifPresent(v -> put(cfg, "agent", v ? "1" : ""));
        o.onboot().ifPresent(v -> put(cfg, "onboot", v ? "1" : ""));
        o.protection().ifPresent(v -> put(cfg, "protection", v ? "1" : ""));
        o.iso().ifPresent(iso -> {
            checks.storage("--iso", iso.substring(0, iso.indexOf(':')), "iso", node);
            cfg.put(isoSlot(cfg), iso + ",media=cdrom");
        });
        for (DiskArg d : o.disks()) {
            disk(cfg, d, o);
        }
        for (NicArg n : o.nets()) {
            nic(cfg, n);
        }
        cloudInit(cfg, o);
        checkBalloon(cfg);
    }

    /** @return {@code ide2} (the web interface's CD drive) unless it holds the cloud-init drive, else the next free IDE slot. */
    static String isoSlot(Map<String, String> cfg) {
        String ide2 = cfg.getOrDefault("ide2", "");
        if (ide2.isEmpty() || !new Disk("ide2", PropertyString.parse(ide2)).volume().contains("cloudinit")) {
            return "ide2";
        }
        return nextFree(cfg, "ide", 4);
    }

    /** @return the storage new disks go to: {@code --storage} (checked) or the node's default for VM images. */
    public String storage(VmOptions o) {
        return o.storage().map(s -> checks.storage("--storage", s, "images", node).id())
                .orElseGet(() -> checks.defaultStorage("images", node, "--storage"));
    }

    private void disk(Map<String, String> cfg, DiskArg d, VmOptions o) {
        String slot = d.slot().orElseGet(() -> nextFree(cfg, "scsi", 31));
        String existing = cfg.getOrDefault(slot, "");
        if (existing.isEmpty()) {
            String storage = d.storage().map(s -> checks.storage("--disk", s, "images", node).id()).orElseGet(() -> storage(o));
            DiskArg.check(slot, d.options());
            cfg.put(slot, DiskArg.allocation(storage, d.sizeGiB(), d.options()));
            return;
        }
        Disk current = new Disk(slot, PropertyString.parse(existing));
        if (current.cdrom()) {
            throw new CommandException("--disk " + slot + " is a CD/DVD drive; choose another slot");
        }
        if (d.storage().isPresent() && !d.storage().get().equals(current.storage())) {
            throw new CommandException("--disk " + slot + " is on " + current.storage() + "; moving a disk to "
                    + d.storage().get() + " is not supported here");
        }
        long had = Sizes.toGiB(current.size());
        if (d.sizeGiB() < had) {
            throw new CommandException("--disk " + slot + " would shrink from " + current.size() + " to " + d.sizeGiB()
                    + "G; Proxmox VE cannot shrink disks");
        }
        DiskArg.check(slot, d.options());
        PropertyString spec = current.spec();
        for (Map.Entry<String, String> e : d.options().entrySet()) {
            spec = spec.with(e.getKey(), e.getValue());
        }
        cfg.put(slot, spec.with("size", d.sizeGiB() + "G").format());
    }

    /** Sets one NIC: its slot or the next free one, its bridge checked on the node, the MAC kept when the model stays. */
    public void nic(Map<String, String> cfg, NicArg n) {
        String slot = n.slot().orElseGet(() -> nextFree(cfg, "net", 32));
        Nic current = new Nic(slot, PropertyString.parse(cfg.getOrDefault(slot, "")));
        String bridge = n.bridge().orElse(current.bridge().isEmpty() ? checks.defaultBridge(node) : current.bridge());
        checks.bridge("--net", bridge, node);
        NicArg keep = n;
        if (!n.options().containsKey("macaddr") && current.model().equals(n.model()) && !current.mac().isEmpty()) {
            Map<String, String> opts = new java.util.TreeMap<>(n.options());
            opts.put("macaddr", current.mac());
            keep = new NicArg(n.slot(), n.model(), n.bridge(), opts);
        }
        cfg.put(slot, keep.format(bridge));
    }

    private void cloudInit(Map<String, String> cfg, VmOptions o) {
        if (!o.cloudInit()) {
            return;
        }
        boolean hasDrive = cfg.entrySet().stream().anyMatch(e -> Disk.SLOT.matcher(e.getKey()).matches()
                && new Disk(e.getKey(), PropertyString.parse(e.getValue())).volume().contains("cloudinit"));
        if (!hasDrive) {
            String slot = cfg.containsKey("ide2") ? nextFree(cfg, "ide", 4) : "ide2";
            cfg.put(slot, storage(o) + ":cloudinit,media=cdrom");
        }
        for (int i = 0; i < o.ipConfigs().size(); i++) {
            cfg.put("ipconfig" + i, o.ipConfigs().get(i));
        }
        o.ciUser().ifPresent(v -> cfg.put("ciuser", v));
        o.nameserver().ifPresent(v -> cfg.put("nameserver", v));
        o.sshKeysFile().ifPresent(f -> cfg.put("sshkeys", UrlEncoding.encode(String.join("\n",
                SshKeys.read("--ssh-keys", f, workspace)) + "\n")));
    }

    /** Refuses more vCPUs than the node has (PVE refuses to start such a VM) and a balloon above memory. */
    public void checkCpus(Map<String, String> cfg, int nodeCpus) {
        int cores = Integer.parseInt(cfg.getOrDefault("cores", "1"));
        int sockets = Integer.parseInt(cfg.getOrDefault("sockets", "1"));
        if (nodeCpus > 0 && cores * sockets > nodeCpus) {
            throw new CommandException(cores * sockets + " vCPUs (" + sockets + " sockets x " + cores + " cores) exceed the "
                    + nodeCpus + " CPUs of node " + node + "; Proxmox VE would refuse to start the VM");
        }
    }

    private static void checkBalloon(Map<String, String> cfg) {
        String b = cfg.getOrDefault("balloon", "");
        String m = cfg.getOrDefault("memory", "");
        if (!b.isEmpty() && !m.isEmpty() && Long.parseLong(b) > Long.parseLong(PropertyString.parse(m).positional().orElse(m))) {
            throw new UsageException("--balloon (" + b + " MiB) cannot exceed memory (" + m + " MiB)");
        }
    }

    /** @return the first {@code prefixN} key not in {@code cfg}. */
    static String nextFree(Map<String, String> cfg, String prefix, int max) {
        for (int i = 0; i < max; i++) {
            if (!cfg.containsKey(prefix + i)) {
                return prefix + i;
            }
        }
        throw new CommandException("no free " + prefix + " slot left");
    }

    private static void put(Map<String, String> cfg, String key, String value) {
        if (value.isEmpty()) {
            cfg.remove(key);
        } else {
            cfg.put(key, value);
        }
    }
}
