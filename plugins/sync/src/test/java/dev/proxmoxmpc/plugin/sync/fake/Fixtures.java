package dev.proxmoxmpc.plugin.sync.fake;

import dev.proxmoxmpc.spi.model.Container;
import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.GuestRuntime;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.model.Network;
import dev.proxmoxmpc.spi.model.Node;
import dev.proxmoxmpc.spi.model.Pool;
import dev.proxmoxmpc.spi.model.PowerState;
import dev.proxmoxmpc.spi.model.Storage;
import dev.proxmoxmpc.spi.model.VirtualMachine;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Small inventories for tests. */
public final class Fixtures {
    private Fixtures() {}

    public static VirtualMachine vm(int vmid, String name, Map<String, String> extra) {
        Map<String, String> config = new HashMap<>(Map.of("name", name, "cores", "2", "memory", "4096",
                "scsi0", "local-lvm:vm-" + vmid + "-disk-0,size=32G", "net0", "virtio=BC:24:11:00:00:" + (vmid % 100)
                        + ",bridge=vmbr0", "ostype", "l26"));
        config.putAll(extra);
        config.values().removeIf(String::isEmpty);
        return new VirtualMachine(vmid, "pve1", "", PowerState.RUNNING, config, GuestRuntime.NONE);
    }

    public static VirtualMachine vm(int vmid, String name) {
        return vm(vmid, name, Map.of());
    }

    public static VirtualMachine template(int vmid, String name) {
        return new VirtualMachine(vmid, "pve1", "", PowerState.STOPPED, Map.of("name", name, "template", "1", "cores", "2",
                "memory", "2048", "scsi0", "local-lvm:base-" + vmid + "-disk-0,size=8G"), GuestRuntime.NONE);
    }

    public static Container ct(int vmid, String hostname) {
        return new Container(vmid, "pve2", "", PowerState.RUNNING, Map.of("hostname", hostname, "cores", "1",
                "memory", "512", "rootfs", "local-lvm:vm-" + vmid + "-disk-0,size=8G", "unprivileged", "1",
                "net0", "name=eth0,bridge=vmbr0,ip=dhcp,type=veth"), GuestRuntime.NONE);
    }

    /**
     * The pending changes the plan tests share, over an inventory like {@code SampleInventories.many(60)}: an edit
     * (105), a move (106), a delete (107), a power change (108), a pool (102), a replacement (container 101 becomes a
     * VM), a creation (7000) and clones from a template (7001), a VM (7002) and nothing (7003). New guests are stopped
     * VMs on pve1 with only {@code config}.
     */
    public static Inventory planChanges(Inventory observed) {
        Guest container = observed.guest(101).orElseThrow();
        return observed
                .withGuest(observed.guest(105).orElseThrow().withConfigValue("memory", "8192"))
                .withGuest(observed.guest(106).orElseThrow().withNode("pve2"))
                .withoutGuest(107)
                .withGuest(observed.guest(108).orElseThrow().withStatus(PowerState.STOPPED))
                .withGuest(observed.guest(102).orElseThrow().withPool("prod"))
                .withoutGuest(101).withGuest(stoppedVm(101, Map.of("name", container.name())))
                .withGuest(stoppedVm(7000, Map.of("name", "new")))
                .withGuest(stoppedVm(7001, Map.of("name", "from-template", "mpc.clone-from", "109")))
                .withGuest(stoppedVm(7002, Map.of("name", "from-vm", "mpc.clone-from", "104")))
                .withGuest(stoppedVm(7003, Map.of("name", "from-nothing", "mpc.clone-from", "6999")));
    }

    /** @return a stopped VM on pve1 with exactly {@code config} */
    public static VirtualMachine stoppedVm(int vmid, Map<String, String> config) {
        return new VirtualMachine(vmid, "pve1", "", PowerState.STOPPED, config, GuestRuntime.NONE);
    }

    /** @return the guest as the server reports it: with a digest. */
    public static Guest observed(Guest g) {
        return g.withRuntime(new GuestRuntime("", "", 100, List.of(), FakeSession.digest(g.config())));
    }

    public static Inventory inventory(Guest... guests) {
        return new Inventory("demo", List.of(node("pve1"), node("pve2")), List.of(guests),
                List.of(new Storage("local-lvm", "lvmthin", Map.of("content", "images,rootdir", "thinpool", "data", "vgname", "pve"))),
                List.of(new Network("pve1", "vmbr0", "bridge", Map.of("autostart", "1", "bridge_ports", "eno1")),
                        new Network("pve1", "eno1", "eth", Map.of())),
                List.of(new Pool("prod", "production")));
    }

    /** @return the inventory as the server reports it: every guest with a digest. */
    public static Inventory observedInventory(Guest... guests) {
        Inventory inv = inventory(guests);
        return inv.withGuests(inv.guests().stream().map(Fixtures::observed).toList());
    }

    public static Node node(String name) {
        return new Node(name, "online", 8, 32L << 30, 100L << 30, 1000, "");
    }
}
