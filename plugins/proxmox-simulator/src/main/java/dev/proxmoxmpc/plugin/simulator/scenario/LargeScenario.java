package dev.proxmoxmpc.plugin.simulator.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code large:N}: N guests (4 of 5 VMs, 1 of 5 containers; 3 of 4 running) spread round-robin over
 * {@code clamp(N / 500, 3, 64)} nodes, each node with {@code vmbr0}, storages {@code local} and {@code local-lvm}, and
 * one pool {@code bench} holding every tenth guest. VMIDs start at 100.
 */
public final class LargeScenario {
    private LargeScenario() {
    }

    public static Scenario generate(int guests) {
        if (guests < 0 || guests > 200_000) {
            throw new IllegalArgumentException("large:N needs 0 <= N <= 200000, got " + guests);
        }
        int nodeCount = Math.max(3, Math.min(64, guests / 500));
        List<Scenario.NodeSpec> nodes = new ArrayList<>();
        for (int i = 1; i <= nodeCount; i++) {
            String ip = "10.1." + (i / 250) + "." + (10 + i % 240);
            nodes.add(new Scenario.NodeSpec("node" + i, ip, 64, "512G", "200G", List.of(
                    Map.of("iface", "eno1", "type", "eth"),
                    Map.of("iface", "vmbr0", "type", "bridge", "bridge_ports", "eno1", "cidr", ip + "/16",
                            "gateway", "10.1.0.1", "bridge_stp", "off", "bridge_fd", "0"))));
        }
        List<Scenario.StorageSpec> storages = List.of(
                new Scenario.StorageSpec("local", "dir", "iso,vztmpl,backup", false, null, "1T", Map.of("path", "/var/lib/vz")),
                new Scenario.StorageSpec("local-lvm", "lvmthin", "images,rootdir", false, null, "100T",
                        Map.of("vgname", "pve", "thinpool", "data")));
        List<Integer> poolMembers = new ArrayList<>();
        List<Scenario.GuestSpec> vms = new ArrayList<>();
        List<Scenario.GuestSpec> cts = new ArrayList<>();
        for (int i = 0; i < guests; i++) {
            int vmid = 100 + i;
            String node = "node" + (1 + i % nodeCount);
            String status = i % 4 == 3 ? "stopped" : "running";
            if (i % 10 == 0) {
                poolMembers.add(vmid);
            }
            String tier = switch (i % 3) {
                case 0 -> "web";
                case 1 -> "app";
                default -> "db";
            };
            if (i % 5 == 4) {
                cts.add(new Scenario.GuestSpec(vmid, "lxc", node, status, null, Map.of(
                        "hostname", "ct-" + vmid, "cores", "1", "memory", "1024", "swap", "512", "ostype", "debian",
                        "rootfs", "local-lvm:8", "net0", "name=eth0,bridge=vmbr0,ip=dhcp", "tags", "bench;" + tier,
                        "onboot", "1", "unprivileged", "1"), null, null));
            } else {
                vms.add(new Scenario.GuestSpec(vmid, "qemu", node, status, null, Map.of(
                        "name", "vm-" + vmid, "cores", String.valueOf(1 + i % 4), "memory", String.valueOf(1024 * (1 + i % 4)),
                        "scsi0", "local-lvm:32,discard=on,iothread=1", "net0", "virtio,bridge=vmbr0", "scsihw", "virtio-scsi-single",
                        "ostype", "l26", "tags", "bench;" + tier, "agent", "1"), null, null));
            }
        }
        return new Scenario("large", nodes, storages, List.of(new Scenario.PoolSpec("bench", "every tenth guest", poolMembers)),
                List.of(), List.of(), vms, cts);
    }
}
