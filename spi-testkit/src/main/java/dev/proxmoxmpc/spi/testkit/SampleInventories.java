package dev.proxmoxmpc.spi.testkit;

import dev.proxmoxmpc.spi.model.ClusterObject;
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
import java.util.List;
import java.util.Map;

/** Inventories for state store tests, with the awkward parts of real PVE data: property strings, unicode, odd keys, runtime facts. */
public final class SampleInventories {
    private SampleInventories() {}

    /** @return two nodes, a VM, a container and a template with odd values; storages, networks, pools. */
    public static Inventory cluster() {
        VirtualMachine vm = new VirtualMachine(101, "pve1", "prod", PowerState.RUNNING, Map.of(
                "name", "web-01", "cores", "4", "memory", "4096", "tags", "prod;web",
                "scsi0", "local-lvm:vm-101-disk-0,size=32G,discard=on",
                "net0", "virtio=BC:24:11:2A:3B:4C,bridge=vmbr0,firewall=1",
                "description", "Zeile 1\nline 2 — ünïcödé \"quoted\"", "agent", "1"),
                new GuestRuntime("", "started", 3600, List.of("10.0.0.11", "fe80::1"), "0123456789abcdef"));
        Container ct = new Container(200, "pve2", "", PowerState.STOPPED, Map.of(
                "hostname", "db-01", "memory", "1024", "rootfs", "local-lvm:vm-200-disk-0,size=8G",
                "features", "nesting=1,keyctl=1", "unprivileged", "1"), GuestRuntime.NONE);
        VirtualMachine odd = new VirtualMachine(9000, "pve1", "", PowerState.STOPPED, Map.of(
                "name", "tmpl", "template", "1", "memory", "current=not-a-number", "cores", "x"), GuestRuntime.NONE);
        return new Inventory("lab", List.of(
                new Node("pve1", "online", 16, 68719476736L, 100000000000L, 12345, "c"),
                new Node("pve2", "offline", 8, 34359738368L, 50000000000L, 0, "")),
                List.of(ct, vm, odd),
                List.of(new Storage("local-lvm", "lvmthin", Map.of("content", "images,rootdir", "thinpool", "data")),
                        new Storage("nfs", "nfs", Map.of("server", "10.0.0.5", "export", "/srv", "shared", "1"))),
                List.of(new Network("pve1", "vmbr0", "bridge", Map.of("cidr", "10.0.0.2/24", "bridge_ports", "eno1")),
                        new Network("pve1", "vmbr0.10", "vlan", Map.of("vlan-id", "10"))),
                List.of(new Pool("prod", "Production"), new Pool("empty", "")),
                List.of(new ClusterObject("backup-job", "", "daily", Map.of("schedule", "02:00", "storage", "nfs",
                                "vmid", "100,200", "prune-backups", "keep-last=3")),
                        new ClusterObject("firewall-rules", "vm/100", "", Map.of("rule.0.action", "ACCEPT",
                                "rule.0.comment", "ünïcödé \"quoted\"\nline 2", "rule.0.dport", "443")),
                        new ClusterObject("acl", "", "/vms/100|user|alice@pve|PVEVMUser", Map.of("propagate", "1")),
                        new ClusterObject("cluster-status", "", "", Map.of("version", "9.2.4", "quorate", "1"))));
    }

    /**
     * @return {@code count} guests (VMIDs from 100) over three nodes, pools and tag sets, VMs and containers, running,
     *     stopped and paused, every tenth a template, one tag with an underscore (a LIKE wildcard): for reads that
     *     select some guests
     */
    public static Inventory many(int count) {
        List<Guest> guests = new java.util.ArrayList<>();
        String[] tags = {"prod;web", "dev", "", "prod;db", "a_b", "axb;web"};
        PowerState[] states = {PowerState.RUNNING, PowerState.STOPPED, PowerState.PAUSED};
        for (int i = 0; i < count; i++) {
            int vmid = 100 + i;
            String node = "pve" + (1 + i % 3);
            String pool = i % 4 == 0 ? "prod" : "";
            Map<String, String> cfg = new java.util.TreeMap<>(Map.of("memory", Integer.toString(512 * (1 + i % 4)),
                    "tags", tags[i % tags.length], "cores", Integer.toString(1 + i % 2)));
            if (i % 10 == 9) {
                cfg.put("template", "1");
            }
            PowerState state = states[i % states.length];
            if (i % 5 == 1) {
                cfg.put("hostname", "ct-" + (i % 7));
                guests.add(new Container(vmid, node, pool, state, cfg, GuestRuntime.NONE));
            } else {
                cfg.put("name", "vm-" + (i % 7));
                guests.add(new VirtualMachine(vmid, node, pool, state, cfg, GuestRuntime.NONE));
            }
        }
        return new Inventory("many", List.of(new Node("pve1", "online", 4, 1L << 33, 1L << 35, 1, ""),
                new Node("pve2", "online", 4, 1L << 33, 1L << 35, 1, ""), new Node("pve3", "online", 4, 1L << 33, 1L << 35, 1, "")),
                guests, List.of(), List.of(), List.of(new Pool("prod", "")));
    }

    /** @return one node and one VM. */
    public static Inventory small() {
        return new Inventory("", List.of(new Node("pve1", "online", 4, 1L << 33, 1L << 35, 1, "")),
                List.of(new VirtualMachine(300, "pve1", "", PowerState.RUNNING, Map.of("name", "small"), GuestRuntime.NONE)),
                List.of(), List.of(), List.of());
    }
}
