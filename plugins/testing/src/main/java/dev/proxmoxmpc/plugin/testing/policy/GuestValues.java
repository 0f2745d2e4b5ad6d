package dev.proxmoxmpc.plugin.testing.policy;

import dev.proxmoxmpc.spi.model.Disk;
import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.GuestKind;
import dev.proxmoxmpc.spi.model.Nic;
import dev.proxmoxmpc.spi.model.VirtualMachine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The resource model as CEL sees it: {@code guest} is a map with {@code vmid}, {@code name}, {@code node},
 * {@code kind} ({@code vm}|{@code container}), {@code pool}, {@code status}, {@code template}, {@code tags} (list),
 * {@code cores}, {@code sockets}, {@code memory} (MiB), {@code onboot}, {@code protection}, {@code agent}, {@code cpu},
 * {@code description}, {@code config} (every PVE key as a string), {@code disks} and {@code nics} (lists of maps).
 * Documented in docs/testing.md.
 */
public final class GuestValues {
    private GuestValues() {}

    /** @return the map CEL's {@code guest} variable holds. */
    public static Map<String, Object> of(Guest g) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("vmid", (long) g.vmid());
        m.put("name", g.name());
        m.put("node", g.node());
        m.put("kind", g.kind() == GuestKind.VM ? "vm" : "container");
        m.put("pool", g.pool());
        m.put("status", g.status().pve());
        m.put("template", g.template());
        m.put("tags", List.copyOf(g.tags()));
        m.put("cores", (long) g.cores());
        m.put("sockets", g instanceof VirtualMachine v ? (long) v.sockets() : 1L);
        m.put("memory", g.memoryMiB());
        m.put("onboot", g.onboot());
        m.put("protection", g.protection());
        m.put("agent", g instanceof VirtualMachine v && v.agent());
        m.put("cpu", g instanceof VirtualMachine v ? v.cpuType() : "");
        m.put("description", g.description());
        m.put("config", Map.copyOf(g.config()));
        List<Object> disks = new ArrayList<>();
        for (Disk d : g.disks()) {
            Map<String, Object> dm = new LinkedHashMap<>();
            dm.put("slot", d.slot());
            dm.put("storage", d.storage());
            dm.put("size_gib", d.sizeGiB());
            dm.put("cache", d.cache());
            dm.put("iothread", d.iothread());
            dm.put("backup", d.backup());
            dm.put("cdrom", d.cdrom());
            disks.add(dm);
        }
        m.put("disks", disks);
        List<Object> nics = new ArrayList<>();
        for (Nic n : g.nics()) {
            Map<String, Object> nm = new LinkedHashMap<>();
            nm.put("slot", n.slot());
            nm.put("bridge", n.bridge());
            nm.put("tag", n.tag());
            nm.put("firewall", n.firewall());
            nm.put("model", n.model());
            nics.add(nm);
        }
        m.put("nics", nics);
        return m;
    }
}
