package dev.proxmoxmpc.plugin.resources;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proxmoxmpc.spi.command.CommandResult;
import dev.proxmoxmpc.spi.command.ExitCode;
import dev.proxmoxmpc.spi.model.Inventory;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InfraCommandsTest {
    @TempDir
    Path root;
    Fixture f;

    @BeforeEach
    void setUp() {
        f = new Fixture(root);
    }

    @Test
    void createsABridgeWithThePostParametersOfTheNetworkApi() {
        CommandResult r = f.run("create network --name vmbr2 --ports eth1 --vlan 30 --cidr 10.30.0.1/24 --comments lab");

        assertThat(r.exitCode()).as(f.console.errors()).isEqualTo(ExitCode.OK);
        assertThat(f.desired().networks()).filteredOn(n -> n.iface().equals("vmbr2")).singleElement().satisfies(n -> {
            assertThat(n.node()).isEqualTo("pve1");
            assertThat(n.type()).isEqualTo("bridge");
            assertThat(n.config()).containsExactlyInAnyOrderEntriesOf(Map.of("autostart", "1", "bridge_ports", "eth1.30",
                    "cidr", "10.30.0.1/24", "comments", "lab"));
        });
    }

    @Test
    void createsAVlanInterfaceOnAnotherNode() {
        f.run("create network --name vmbr0.40 --node pve2");

        assertThat(f.desired().networks()).filteredOn(n -> n.iface().equals("vmbr0.40")).singleElement().satisfies(n -> {
            assertThat(n.node()).isEqualTo("pve2");
            assertThat(n.type()).isEqualTo("vlan");
            assertThat(n.config()).isEqualTo(Map.of("autostart", "1", "vlan-id", "40"));
        });
    }

    @Test
    void aNewBridgeCanBeUsedByAVmAtOnce() {
        f.run("create network --name vmbr5 --node pve2");

        CommandResult r = f.run("create vm --name x-01 --node pve2 --net bridge=vmbr5");

        assertThat(r.exitCode()).as(f.console.errors()).isEqualTo(ExitCode.OK);
        assertThat(f.desired(101).config()).containsEntry("net0", "virtio,bridge=vmbr5");
    }

    @Test
    void createsStorageOfEachType() {
        f.run("create storage --name isos --type dir --path /srv/iso --content vztmpl,iso --nodes pve2");
        f.run("create storage --name nfs1 --type nfs --server nas.lab --export /export/pve");
        f.run("create storage --name fast --type lvmthin --vgname ssd --thinpool fast");

        Map<String, Map<String, String>> cfg = new java.util.TreeMap<>();
        f.desired().storages().forEach(s -> cfg.put(s.id() + "/" + s.type(), s.config()));
        assertThat(cfg).containsEntry("isos/dir", Map.of("path", "/srv/iso", "content", "iso,vztmpl", "nodes", "pve2"))
                .containsEntry("nfs1/nfs", Map.of("server", "nas.lab", "export", "/export/pve", "path", "/mnt/pve/nfs1", "content", "images"))
                .containsEntry("fast/lvmthin", Map.of("vgname", "ssd", "thinpool", "fast", "content", "images,rootdir"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "create network --name vmbr0 | interface vmbr0 already exists on node pve1",
            "create network --name vmbr2 --ports eth7 | interface eth7 does not exist on node pve1",
            "create network --name vmbr2 --ports eth0 | eth0 is already a port of another bridge",
            "create network --name vmbr2 --vlan 5 | --vlan needs --ports",
            "create network --name vmbr2 --cidr 10.0.0.1 | is not an IPv4 address with prefix length",
            "create network --name ../x | is not an interface name",
            "create network --name vmbr2 --node nope | unknown node 'nope'",
            "create storage --name local --type dir --path /x | storage 'local' already exists",
            "create storage --name Bad --type dir --path /x | is not a storage id",
            "create storage --name s1 --type zfs | --type must be dir, nfs or lvmthin",
            "create storage --name s1 --type dir | missing --path (needed for type dir)",
            "create storage --name s1 --type dir --path ../etc | must be an absolute path",
            "create storage --name s1 --type lvmthin --vgname pve --thinpool d --content iso | --content 'iso' is not possible on lvmthin storage",
            "create storage --name s1 --type nfs --server nas --export /e --vgname x | --vgname does not apply to type nfs",
            "create storage --name s1 --type dir --path /x --nodes pve7 | unknown node 'pve7'"})
    void refusesBadValuesWithOneLineAndStoresNothing(String line, String message) {
        Inventory before = f.desired();

        CommandResult r = f.run(line);

        assertThat(r.succeeded()).isFalse();
        assertThat(f.console.errors()).contains(message).doesNotContain("\n");
        assertThat(f.desired()).isEqualTo(before);
    }
}
