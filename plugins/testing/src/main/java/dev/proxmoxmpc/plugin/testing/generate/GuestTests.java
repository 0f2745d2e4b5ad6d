package dev.proxmoxmpc.plugin.testing.generate;

import dev.proxmoxmpc.plugin.testing.check.Check;
import dev.proxmoxmpc.plugin.testing.check.TestFile;
import dev.proxmoxmpc.spi.model.Disk;
import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.Nic;
import dev.proxmoxmpc.spi.model.VirtualMachine;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The checks of one guest's file: it exists on its node; cores, sockets, memory, tags, onboot, every disk and NIC
 * match; its power state; its storages and bridges exist; the guest agent answers when enabled.
 */
final class GuestTests {
    private GuestTests() {}

    static TestFile of(Guest g, String path) {
        List<Check> checks = new ArrayList<>();
        checks.add(Check.of("exists", "node", g.node()));
        checks.add(Check.of("config", "field", "cores", "expected", (long) g.cores()));
        if (g instanceof VirtualMachine v) {
            checks.add(Check.of("config", "field", "sockets", "expected", (long) v.sockets()));
        }
        checks.add(Check.of("config", "field", "memory", "expected", g.memoryMiB()));
        checks.add(Check.of("config", "field", "tags", "expected", String.join(";", g.tags())));
        checks.add(Check.of("config", "field", "onboot", "expected", g.onboot() ? 1L : 0L));
        for (Disk d : g.disks()) {
            if (d.cdrom() || d.volume().contains("cloudinit")) {
                continue;
            }
            String expected = "storage=" + d.storage() + (d.sizeGiB() > 0 ? ",size=" + d.sizeGiB() + "G" : "");
            checks.add(Check.of("config", "field", d.slot(), "expected", expected));
        }
        for (Nic n : g.nics()) {
            StringBuilder expected = new StringBuilder("bridge=" + n.bridge());
            if (!n.model().isEmpty()) {
                expected.append(",model=").append(n.model());
            }
            if (!n.tag().isEmpty()) {
                expected.append(",tag=").append(n.tag());
            }
            expected.append(",firewall=").append(n.firewall() ? 1 : 0);
            checks.add(Check.of("config", "field", n.slot(), "expected", expected.toString()));
        }
        if (!g.runtime().haState().isEmpty()) {
            checks.add(Check.of("config", "field", "ha", "expected", g.runtime().haState()));
        }
        if (!g.template()) {
            checks.add(Check.of("power", "expected", g.status().pve()));
        }
        Set<String> storages = new LinkedHashSet<>();
        g.disks().stream().filter(d -> !d.cdrom() && !d.storage().isEmpty()).forEach(d -> storages.add(d.storage()));
        storages.forEach(s -> checks.add(Check.of("storage", "storage", s)));
        Set<String> bridges = new LinkedHashSet<>();
        g.nics().stream().filter(n -> !n.bridge().isEmpty()).forEach(n -> bridges.add(n.bridge()));
        bridges.forEach(b -> checks.add(Check.of("bridge", "bridge", b)));
        if (g instanceof VirtualMachine v && v.agent() && !v.template()) {
            checks.add(Check.of("agent"));
        }
        return new TestFile(path, g.name(), g.vmid(), checks);
    }
}
