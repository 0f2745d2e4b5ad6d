package dev.proxmoxmpc.plugin.resources.ct;

import dev.proxmoxmpc.plugin.resources.check.SshKeys;
import dev.proxmoxmpc.plugin.resources.check.StateChecks;
import dev.proxmoxmpc.spi.command.CommandException;
import dev.proxmoxmpc.spi.kernel.Workspace;
import dev.proxmoxmpc.spi.model.Disk;
import dev.proxmoxmpc.spi.model.Nic;
import dev.proxmoxmpc.spi.model.PropertyString;
import dev.proxmoxmpc.spi.model.Sizes;
import java.util.Map;

/** Writes {@link CtOptions} into a container config as PVE wire values; the same code for create and update. */
public final class CtSettings {
    /** Desired-only metadata shared with the sync engine: the env var that holds the root password. */
    public static final String PASSWORD_ENV = "mpc.password-env";

    private final StateChecks checks;
    private final Workspace workspace;
    private final String node;

    public CtSettings(StateChecks checks, Workspace workspace, String node) {
        this.checks = checks;
        this.workspace = workspace;
        this.node = node;
    }

    public void apply(Map<String, String> cfg, CtOptions o) {
        o.hostname().ifPresent(v -> cfg.put("hostname", v));
        o.cores().ifPresent(v -> cfg.put("cores", Integer.toString(v)));
        o.memoryMiB().ifPresent(v -> cfg.put("memory", Integer.toString(v)));
        o.swapMiB().ifPresent(v -> cfg.put("swap", Integer.toString(v)));
        o.features().ifPresent(v -> put(cfg, "features", v));
        o.nameserver().ifPresent(v -> cfg.put("nameserver", v));
        o.searchdomain().ifPresent(v -> cfg.put("searchdomain", v));
        o.tags().ifPresent(v -> put(cfg, "tags", v));
        o.description().ifPresent(v -> put(cfg, "description", v));
        o.onboot().ifPresent(v -> put(cfg, "onboot", v ? "1" : ""));
        o.protection().ifPresent(v -> put(cfg, "protection", v ? "1" : ""));
        o.passwordEnv().ifPresent(v -> cfg.put(PASSWORD_ENV, v));
        o.sshKeysFile().ifPresent(f -> cfg.put("ssh-public-keys", String.join("\n", SshKeys.read("--ssh-keys", f, workspace)) + "\n"));
        o.rootfs().ifPresent(r -> volume(cfg, "rootfs", "", r, o));
        for (String mp : o.mounts()) {
            int eq = mp.indexOf('=');
            if (eq <= 0) {
                throw new dev.proxmoxmpc.spi.command.UsageException("--mp must be PATH=STORAGE:GiB like /data=local-lvm:16, got '" + mp + "'");
            }
            String path = CtVolumes.mountPath("--mp", mp.substring(0, eq));
            String slot = cfg.entrySet().stream().filter(e -> e.getKey().matches("mp\\d+")
                    && PropertyString.parse(e.getValue()).getOrEmpty("mp").equals(path)).map(Map.Entry::getKey).findFirst()
                    .orElseGet(() -> nextFree(cfg, "mp", 256));
            volume(cfg, slot, path, mp.substring(eq + 1), o);
        }
        for (String n : o.nets()) {
            nic(cfg, CtNic.parse(n));
        }
    }

    /** @return the storage new volumes go to: {@code --storage} (checked) or the node's default for containers. */
    public String storage(CtOptions o) {
        return o.storage().map(s -> checks.storage("--storage", s, "rootdir", node).id())
                .orElseGet(() -> checks.defaultStorage("rootdir", node, "--storage"));
    }

    private void volume(Map<String, String> cfg, String slot, String path, String spec, CtOptions o) {
        String option = slot.equals("rootfs") ? "--rootfs" : "--mp";
        CtVolumes.Volume v = CtVolumes.parse(option, spec);
        String existing = cfg.getOrDefault(slot, "");
        if (existing.isEmpty()) {
            String storage = v.storage().isEmpty() ? storage(o) : checks.storage(option, v.storage(), "rootdir", node).id();
            cfg.put(slot, CtVolumes.format(storage, v.sizeGiB(), path, v.options()));
            return;
        }
        Disk current = new Disk(slot, PropertyString.parse(existing));
        if (!v.storage().isEmpty() && !v.storage().equals(current.storage())) {
            throw new CommandException(option + " " + slot + " is on " + current.storage() + "; moving it to " + v.storage()
                    + " is not supported here");
        }
        if (v.sizeGiB() < Sizes.toGiB(current.size())) {
            throw new CommandException(option + " " + slot + " would shrink from " + current.size() + " to " + v.sizeGiB()
                    + "G; Proxmox VE cannot shrink volumes");
        }
        PropertyString p = current.spec();
        for (Map.Entry<String, String> e : v.options().entrySet()) {
            p = p.with(e.getKey(), e.getValue());
        }
        cfg.put(slot, p.with("size", v.sizeGiB() + "G").format());
    }

    /** Sets one NIC: its slot or the next free one, the bridge checked on the node, the MAC kept. */
    public void nic(Map<String, String> cfg, CtNic n) {
        String slot = n.slot().orElseGet(() -> nextFree(cfg, "net", 32));
        Nic current = new Nic(slot, PropertyString.parse(cfg.getOrDefault(slot, "")));
        String bridge = n.bridge().orElse(current.bridge().isEmpty() ? checks.defaultBridge(node) : current.bridge());
        checks.bridge("--net", bridge, node);
        CtNic keep = n;
        if (!n.options().containsKey("hwaddr") && !current.mac().isEmpty()) {
            java.util.TreeMap<String, String> opts = new java.util.TreeMap<>(n.options());
            opts.put("hwaddr", current.mac());
            keep = new CtNic(n.slot(), n.bridge(), opts);
        }
        String name = current.name().isEmpty() ? "eth" + slot.substring(3) : current.name();
        cfg.put(slot, keep.format(bridge, name));
    }

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
