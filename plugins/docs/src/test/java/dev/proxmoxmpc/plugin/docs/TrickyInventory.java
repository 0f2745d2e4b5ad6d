package dev.proxmoxmpc.plugin.docs;

import dev.proxmoxmpc.spi.model.Container;
import dev.proxmoxmpc.spi.model.GuestRuntime;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.model.Network;
import dev.proxmoxmpc.spi.model.Node;
import dev.proxmoxmpc.spi.model.Pool;
import dev.proxmoxmpc.spi.model.PowerState;
import dev.proxmoxmpc.spi.model.Storage;
import dev.proxmoxmpc.spi.model.VirtualMachine;
import java.util.List;
import java.util.Map;

/**
 * An inventory with the characters that break generated text when not escaped: quotes, pipes, angle brackets,
 * hashes, backticks and line breaks in comments; a guest without a name; a startup order; a guest on a node and a
 * bridge the inventory does not list; a VLAN interface; a shared NFS storage.
 */
final class TrickyInventory {
    private TrickyInventory() {
    }

    static Inventory build() {
        List<Node> nodes = List.of(new Node("pve-a", "online", 8, 32L << 30, 100L << 30, 1, "c"),
                new Node("pve.b", "offline", 4, 16L << 30, 50L << 30, 0, ""));
        List<Network> nets = List.of(
                new Network("pve-a", "vmbr0", "bridge", Map.of("bridge_ports", "bond0", "cidr", "192.0.2.10/24",
                        "comments", "LAN \"main\" | <core> #1 `x`\nsecond line")),
                new Network("pve-a", "bond0", "bond", Map.of("slaves", "eno1 eno2", "bond_mode", "802.3ad")),
                new Network("pve-a", "vmbr0.30", "vlan", Map.of("vlan-id", "30", "vlan-raw-device", "vmbr0", "cidr", "198.51.100.2/24")),
                new Network("pve.b", "vmbr0", "bridge", Map.of("bridge_ports", "eno1", "bridge_vlan_aware", "1")));
        List<Storage> storages = List.of(new Storage("nfs-backup", "nfs", Map.of("content", "backup,images", "shared", "1",
                "server", "192.0.2.5", "export", "/srv/pve")), new Storage("local-zfs", "zfspool", Map.of("content", "images,rootdir", "pool", "rpool/data")));
        List<Pool> pools = List.of(new Pool("prod|web", "say \"hi\" <b>"), new Pool("empty", ""));
        VirtualMachine first = new VirtualMachine(100, "pve-a", "prod|web", PowerState.RUNNING, Map.of("name", "db-01",
                "startup", "order=1,up=30,down=120", "onboot", "1", "scsi0", "local-zfs:vm-100-disk-0,size=32G",
                "scsi1", "nfs-backup:100/vm-100-disk-1.qcow2,size=1T", "net0", "virtio=BC:24:11:00:00:01,bridge=vmbr0,tag=30",
                "net1", "virtio=BC:24:11:00:00:02,bridge=vmbr9", "ipconfig0", "ip=192.0.2.20/24,gw=192.0.2.1", "tags", "db;a|b"),
                new GuestRuntime("", "started", 5, List.of(), ""));
        VirtualMachine unnamed = new VirtualMachine(101, "pve-c", "", PowerState.STOPPED, Map.of("onboot", "1",
                "startup", "order=2", "ide2", "none,media=cdrom", "scsi0", "local-zfs:vm-101-disk-0,size=8G",
                "net0", "e1000=BC:24:11:00:00:03,bridge=vmbr0"), GuestRuntime.NONE);
        Container ct = new Container(200, "pve.b", "", PowerState.RUNNING, Map.of("hostname", "web-01", "onboot", "1",
                "rootfs", "local-zfs:subvol-200-disk-0,size=8G", "net0", "name=eth0,bridge=vmbr0,ip=dhcp,ip6=2001:db8::5/64",
                "tags", "web"), GuestRuntime.NONE);
        Container twin = new Container(201, "pve.b", "", PowerState.STOPPED, Map.of("hostname", "web-01",
                "rootfs", "local-zfs:subvol-201-disk-0,size=8G", "template", "1"), GuestRuntime.NONE);
        return new Inventory("lab \"one\"", nodes, List.of(first, unnamed, ct, twin), storages, nets, pools);
    }
}
