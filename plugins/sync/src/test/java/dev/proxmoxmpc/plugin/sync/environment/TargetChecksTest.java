package dev.proxmoxmpc.plugin.sync.environment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proxmoxmpc.spi.diag.Diagnostic;
import dev.proxmoxmpc.spi.diag.Severity;
import dev.proxmoxmpc.spi.kernel.EnvironmentMapping;
import dev.proxmoxmpc.spi.model.ClusterObject;
import dev.proxmoxmpc.spi.model.Container;
import dev.proxmoxmpc.spi.model.GuestRuntime;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.model.Network;
import dev.proxmoxmpc.spi.model.Node;
import dev.proxmoxmpc.spi.model.PowerState;
import dev.proxmoxmpc.spi.model.Storage;
import dev.proxmoxmpc.spi.model.VirtualMachine;
import dev.proxmoxmpc.spi.model.Volume;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TargetChecksTest {
    private static final Inventory PRODUCTION = new Inventory("production",
            List.of(new Node("prod1", "online", 8, 1L << 34, 1L << 36, 100, "")), List.of(),
            List.of(new Storage("local-lvm", "lvmthin", Map.of("content", "images,rootdir"))),
            List.of(new Network("prod1", "vmbr0", "bridge", Map.of())), List.of());

    private static VirtualMachine vm(String node, String disk, String nic) {
        return new VirtualMachine(100, node, "", PowerState.RUNNING,
                Map.of("name", "web-01", "scsi0", disk, "net0", nic), GuestRuntime.NONE);
    }

    private static List<Diagnostic> check(VirtualMachine vm) {
        return TargetChecks.check(Inventory.empty().withGuest(vm), PRODUCTION, Set.of(100), "production");
    }

    @Test
    void aMissingNodeSaysHowToMapIt() {
        List<Diagnostic> d = check(vm("pve1", "local-lvm:vm-100-disk-0,size=32G", "virtio=BC:24:11:00:00:01,bridge=vmbr0"));
        assertThat(d).singleElement().satisfies(x -> {
            assertThat(x.severity()).isEqualTo(Severity.ERROR);
            assertThat(x.toString()).isEqualTo("vm/100 web-01: node pve1 does not exist on environment production (its nodes: prod1);"
                    + " map it: environment map production --node pve1=prod1");
        });
    }

    @Test
    void aMissingStorageSaysHowToMapIt() {
        List<Diagnostic> d = check(vm("prod1", "ceph:vm-100-disk-0,size=32G", "virtio=BC:24:11:00:00:01,bridge=vmbr0"));
        assertThat(d).singleElement().satisfies(x -> assertThat(x.toString()).isEqualTo("vm/100 web-01: storage ceph does not"
                + " exist on environment production (its storages: local-lvm); map it: environment map production --storage ceph=STORAGE"));
    }

    @Test
    void anSdnVnetIsABridgeOnTheNodesOfItsZone() {
        VirtualMachine vm = vm("prod1", "local-lvm:vm-100-disk-0,size=32G", "virtio=BC:24:11:00:00:01,bridge=dmz");
        Inventory sdn = PRODUCTION.withObjects(List.of(new ClusterObject("sdn-zone", "", "tenants", Map.of("type", "vlan", "bridge", "vmbr0")),
                new ClusterObject("sdn-vnet", "", "dmz", Map.of("zone", "tenants", "tag", "100"))));
        assertThat(TargetChecks.check(Inventory.empty().withGuest(vm), sdn, Set.of(100), "production")).isEmpty();
        Inventory elsewhere = sdn.withObject(new ClusterObject("sdn-zone", "", "tenants", Map.of("type", "vlan", "nodes", "prod2")));
        assertThat(TargetChecks.check(Inventory.empty().withGuest(vm), elsewhere, Set.of(100), "production")).singleElement()
                .satisfies(x -> assertThat(x.toString()).contains("bridge dmz does not exist on environment production"));
    }

    @Test
    void aMissingBridgeSaysHowToMapIt() {
        List<Diagnostic> d = check(vm("prod1", "local-lvm:vm-100-disk-0,size=32G", "virtio=BC:24:11:00:00:01,bridge=vmbr7"));
        assertThat(d).singleElement().satisfies(x -> assertThat(x.toString()).isEqualTo("vm/100 web-01 (node prod1): bridge vmbr7"
                + " does not exist on environment production (its bridges: vmbr0); map it: environment map production --bridge vmbr7=BRIDGE"));
    }

    @Test
    void aMappedNameIsFoundAndGuestsNotToCreateAreNotChecked() {
        EnvironmentMapping m = new EnvironmentMapping(Map.of("pve1", "prod1"), Map.of("ceph", "local-lvm"), Map.of("vmbr7", "vmbr0"),
                Map.of("10.0.0.0/24", "10.20.0.0/24"), Map.of());
        Inventory mapped = MappedDesired.apply(Inventory.empty().withGuest(vm("pve1", "ceph:vm-100-disk-0,size=32G",
                "virtio=BC:24:11:00:00:01,bridge=vmbr7")), m);
        assertThat(TargetChecks.check(mapped, PRODUCTION, Set.of(100), "production")).isEmpty();
        assertThat(mapped.guests().get(0).value("scsi0")).isEqualTo("local-lvm:vm-100-disk-0,size=32G");
        assertThat(TargetChecks.check(Inventory.empty().withGuest(vm("pve1", "x:1", "bridge=y")), PRODUCTION, Set.of(), "production"))
                .isEmpty();
    }

    @Test
    void aContainerWithoutATemplateSaysHowToMapOne() {
        Container ct = new Container(200, "prod1", "", PowerState.RUNNING, Map.of("hostname", "dns-01", "ostype", "debian",
                "rootfs", "local-lvm:vm-200-disk-0,size=8G"), GuestRuntime.NONE);
        var none = ContainerTemplates.choose(Inventory.empty().withGuest(ct), Set.of(200), Map.of(), EnvironmentMapping.NONE, "production");
        assertThat(none.diagnostics()).singleElement().satisfies(x -> assertThat(x.toString()).isEqualTo("ct/200 dns-01: no container"
                + " template for ostype debian on environment production; download one (pveam download) or map it:"
                + " environment map production --ostemplate debian=STORAGE:vztmpl/FILE"));

        List<Volume> templates = List.of(
                new Volume("local:vztmpl/debian-11-standard_11.7-1_amd64.tar.zst", "vztmpl", "tzst", 1, 0, Instant.ofEpochSecond(10)),
                new Volume("local:vztmpl/debian-12-standard_12.7-1_amd64.tar.zst", "vztmpl", "tzst", 1, 0, Instant.ofEpochSecond(20)),
                new Volume("local:vztmpl/ubuntu-24.04-standard_24.04-2_amd64.tar.zst", "vztmpl", "tzst", 1, 0, Instant.ofEpochSecond(30)));
        var newest = ContainerTemplates.choose(Inventory.empty().withGuest(ct), Set.of(200), Map.of("prod1", templates),
                EnvironmentMapping.NONE, "production");
        assertThat(newest.desired().guest(200).orElseThrow().value("ostemplate")).isEqualTo("local:vztmpl/debian-12-standard_12.7-1_amd64.tar.zst");
        assertThat(newest.diagnostics()).singleElement().satisfies(x -> assertThat(x.severity()).isEqualTo(Severity.INFO));
    }

    @Test
    void subnetsMoveStaticAddressesKeepingTheHostPart() {
        assertThat(Subnets.move("10.0.0.53/24", Map.of("10.0.0.0/24", "10.20.0.0/24"))).isEqualTo("10.20.0.53/24");
        assertThat(Subnets.move("10.0.0.1", Map.of("10.0.0.0/24", "10.20.0.0/24"))).isEqualTo("10.20.0.1");
        assertThat(Subnets.move("192.168.1.5/24", Map.of("10.0.0.0/24", "10.20.0.0/24"))).isEqualTo("192.168.1.5/24");
        assertThat(Subnets.move("dhcp", Map.of("10.0.0.0/24", "10.20.0.0/24"))).isEqualTo("dhcp");
    }

    @Test
    void disksOfAnotherClustersGuestAreCreatedAsAllocations() {
        assertThat(CreateSpelling.disk("scsi0", "local-lvm:vm-100-disk-0,discard=on,size=32G")).isEqualTo("local-lvm:32,discard=on");
        assertThat(CreateSpelling.disk("ide2", "local-lvm:vm-107-cloudinit,media=cdrom")).isEqualTo("local-lvm:cloudinit,media=cdrom");
        assertThat(CreateSpelling.disk("efidisk0", "local-lvm:vm-109-disk-0,efitype=4m,size=4M")).isEqualTo("local-lvm:1,efitype=4m");
        assertThat(CreateSpelling.disk("ide2", "local:iso/debian.iso,media=cdrom")).isEqualTo("local:iso/debian.iso,media=cdrom");
    }
}
