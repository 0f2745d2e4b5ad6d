package dev.proxmoxmpc.plugin.ansible;

import dev.proxmoxmpc.spi.iac.GeneratedFile;
import dev.proxmoxmpc.spi.iac.GenerationRequest;
import dev.proxmoxmpc.spi.iac.GenerationResult;
import dev.proxmoxmpc.spi.model.Container;
import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.GuestRuntime;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.model.Node;
import dev.proxmoxmpc.spi.model.Pool;
import dev.proxmoxmpc.spi.model.PowerState;
import dev.proxmoxmpc.spi.model.VirtualMachine;
import dev.proxmoxmpc.spi.testkit.ClasspathTemplates;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Inventories and helpers shared by the tests. */
final class Fixtures {
    private Fixtures() {}

    static VirtualMachine vm(int vmid, String name, String node, PowerState status, Map<String, String> extra) {
        Map<String, String> config = new TreeMap<>(Map.of("name", name, "cores", "2", "memory", "2048",
                "scsi0", "local-lvm:vm-" + vmid + "-disk-0,size=32G", "net0", "virtio=BC:24:11:00:00:01,bridge=vmbr0"));
        config.putAll(extra);
        return new VirtualMachine(vmid, node, "", status, config, GuestRuntime.NONE);
    }

    static Container ct(int vmid, String hostname, String node, PowerState status, Map<String, String> extra) {
        Map<String, String> config = new TreeMap<>(Map.of("hostname", hostname, "cores", "1", "memory", "512",
                "rootfs", "local-lvm:vm-" + vmid + "-disk-0,size=8G", "ostype", "debian"));
        config.putAll(extra);
        return new Container(vmid, node, "", status, config, GuestRuntime.NONE);
    }

    static GuestRuntime agent(String... ips) {
        return new GuestRuntime("", "", 100, List.of(ips), "");
    }

    /** A small inventory for the golden files: 2 VMs, a container and a template on one node. */
    static Inventory small() {
        List<Guest> guests = List.of(
                vm(100, "web-01", "pve1", PowerState.RUNNING, Map.of("tags", "web", "ipconfig0", "ip=10.0.0.10/24,gw=10.0.0.1"))
                        .withPool("prod"),
                vm(101, "db.primary", "pve1", PowerState.STOPPED, Map.of("tags", "db;team-a")).withRuntime(agent("127.0.0.1", "fe80::1", "10.0.0.11")),
                ct(200, "cache", "pve1", PowerState.RUNNING, Map.of("tags", "team.a", "net0", "name=eth0,bridge=vmbr0,ip=10.0.0.20/24")),
                vm(9000, "debian-12-template", "pve1", PowerState.STOPPED, Map.of("template", "1", "tags", "web")));
        return new Inventory("", List.of(node("pve1")), guests, List.of(), List.of(), List.of(new Pool("prod", "")));
    }

    /** The demo: 3 nodes, 12 VMs (10 running), 5 containers, 2 templates, web/db tags, a pool, odd names and tags. */
    static Inventory demo() {
        String[] nodes = {"pve1", "pve2", "pve-3.lab"};
        List<Guest> guests = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String tags = switch (i % 4) {
                case 0 -> "web";
                case 1 -> "db;prod-eu";
                case 2 -> "monitoring;café";
                default -> "web;k8s.node;日本";
            };
            String name = i % 3 == 0 ? "web-" + i : i % 3 == 1 ? "db." + i + ".lab" : "app" + i;
            VirtualMachine vm = vm(101 + i, name, nodes[i % 3], i < 10 ? PowerState.RUNNING : PowerState.STOPPED,
                    Map.of("tags", tags, "ipconfig0", "ip=10.1.0." + (10 + i) + "/24,gw=10.1.0.1"));
            if (i % 2 == 0) {
                vm = vm.withRuntime(agent("10.2.0." + (10 + i), "fe80::" + i));
            }
            guests.add(i < 6 ? vm.withPool("prod") : vm);
        }
        for (int i = 0; i < 5; i++) {
            guests.add(ct(200 + i, "ct-" + i, nodes[i % 3], i == 4 ? PowerState.STOPPED : PowerState.RUNNING,
                    Map.of("tags", i % 2 == 0 ? "db" : "team.a;team-a", "net0", "name=eth0,bridge=vmbr0,ip=" + (i == 0 ? "dhcp" : "10.3.0." + i + "/24"))));
        }
        guests.add(vm(9000, "debian-12.tmpl", "pve1", PowerState.STOPPED, Map.of("template", "1", "tags", "web")));
        guests.add(ct(9001, "alpine-tmpl", "pve2", PowerState.STOPPED, Map.of("template", "1")));
        return new Inventory("demo", List.of(node(nodes[0]), node(nodes[1]), node(nodes[2])), guests, List.of(), List.of(),
                List.of(new Pool("prod", "production")));
    }

    static Node node(String name) {
        return new Node(name, "online", 8, 32L << 30, 100L << 30, 1000, "");
    }

    static GenerationResult generate(Inventory inventory, Map<String, Object> options) {
        return new AnsibleGenerator().generate(new GenerationRequest(inventory, "default", "https://pve.example.com:8006",
                options, new ClasspathTemplates()));
    }

    static Map<String, Object> generalCollection() {
        return Map.of("collection", "community.general");
    }

    static void write(GenerationResult result, Path root) {
        try {
            for (GeneratedFile f : result.files()) {
                Path p = root.resolve(f.path());
                Files.createDirectories(p.getParent());
                Files.writeString(p, f.content(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
