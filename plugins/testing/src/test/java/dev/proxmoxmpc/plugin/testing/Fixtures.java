package dev.proxmoxmpc.plugin.testing;

import dev.proxmoxmpc.spi.model.Container;
import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.GuestRuntime;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.model.Network;
import dev.proxmoxmpc.spi.model.Node;
import dev.proxmoxmpc.spi.model.PowerState;
import dev.proxmoxmpc.spi.model.Storage;
import dev.proxmoxmpc.spi.model.VirtualMachine;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A small healthy cluster: two nodes, two VMs and a container, tagged, backed by local-lvm, on vmbr0. */
public final class Fixtures {
    public static final long GIB = 1024L * 1024 * 1024;

    private Fixtures() {}

    public static VirtualMachine vm(int vmid, String name, String node, Map<String, String> extra) {
        Map<String, String> c = new HashMap<>(Map.of("name", name, "cores", "2", "sockets", "1", "memory", "4096",
                "scsihw", "virtio-scsi-single", "scsi0", "local-lvm:vm-" + vmid + "-disk-0,iothread=1,size=32G",
                "net0", "virtio=BC:24:11:00:00:" + (vmid % 100) + ",bridge=vmbr0,firewall=1", "agent", "1", "onboot", "1",
                "tags", "web;prod"));
        c.putAll(extra);
        return new VirtualMachine(vmid, node, "", PowerState.RUNNING, c, GuestRuntime.NONE);
    }

    public static Container ct(int vmid, String name, String node) {
        return new Container(vmid, node, "", PowerState.RUNNING, Map.of("hostname", name, "cores", "1", "memory", "1024",
                "rootfs", "local-lvm:vm-" + vmid + "-disk-0,size=8G", "net0", "name=eth0,bridge=vmbr0,firewall=1,ip=10.0.0.53/24",
                "onboot", "1", "tags", "dns"), GuestRuntime.NONE);
    }

    public static Inventory cluster(Guest... guests) {
        return new Inventory("lab",
                List.of(new Node("pve1", "online", 8, 16 * GIB, 100 * GIB, 1000, ""), new Node("pve2", "online", 8, 16 * GIB, 100 * GIB, 1000, "")),
                List.of(guests),
                List.of(new Storage("local-lvm", "lvmthin", Map.of("content", "images,rootdir"))),
                List.of(new Network("pve1", "vmbr0", "bridge", Map.of("gateway", "10.0.0.1", "cidr", "10.0.0.11/24")),
                        new Network("pve2", "vmbr0", "bridge", Map.of("gateway", "10.0.0.1", "cidr", "10.0.0.12/24"))),
                List.of());
    }

    /** @return web-01 (100, pve1), web-02 (101, pve2), dns (200, pve1). */
    public static Inventory healthy() {
        return cluster(vm(100, "web-01", "pve1", Map.of()), vm(101, "web-02", "pve2", Map.of()), ct(200, "dns", "pve1"));
    }
}
