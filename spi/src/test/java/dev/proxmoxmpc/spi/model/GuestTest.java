package dev.proxmoxmpc.spi.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GuestTest {
    private final VirtualMachine vm = new VirtualMachine(101, "pve1", "", PowerState.RUNNING, Map.ofEntries(
            Map.entry("name", "web-01"),
            Map.entry("cores", "4"),
            Map.entry("sockets", "2"),
            Map.entry("memory", "8192"),
            Map.entry("tags", "prod;web"),
            Map.entry("scsi10", "local-lvm:vm-101-disk-2,size=8G"),
            Map.entry("scsi0", "local-lvm:vm-101-disk-0,size=32G,ssd=1"),
            Map.entry("scsi2", "local-lvm:vm-101-disk-1,size=1T"),
            Map.entry("net0", "virtio=BC:24:11:00:00:01,bridge=vmbr0,tag=10,firewall=1"),
            Map.entry("ide2", "none,media=cdrom"),
            Map.entry("digest", "abc")), GuestRuntime.NONE);

    @Test
    void readsTypedViewsFromTheConfig() {
        assertThat(vm.name()).isEqualTo("web-01");
        assertThat(vm.cores()).isEqualTo(4);
        assertThat(vm.sockets()).isEqualTo(2);
        assertThat(vm.memoryMiB()).isEqualTo(8192);
        assertThat(vm.tags()).containsExactly("prod", "web");
        assertThat(vm.config()).doesNotContainKey("digest");
    }

    @Test
    void ordersDiskSlotsNumerically() {
        assertThat(vm.disks()).extracting(Disk::slot).containsExactly("ide2", "scsi0", "scsi2", "scsi10");
        Disk d = vm.disks().get(1);
        assertThat(d.storage()).isEqualTo("local-lvm");
        assertThat(d.sizeGiB()).isEqualTo(32);
        assertThat(d.ssd()).isTrue();
        assertThat(vm.disks().get(2).sizeGiB()).isEqualTo(1024);
        assertThat(vm.disks().get(0).cdrom()).isTrue();
    }

    @Test
    void readsNics() {
        Nic n = vm.nics().get(0);
        assertThat(n.model()).isEqualTo("virtio");
        assertThat(n.mac()).isEqualTo("BC:24:11:00:00:01");
        assertThat(n.bridge()).isEqualTo("vmbr0");
        assertThat(n.tag()).isEqualTo("10");
        assertThat(n.firewall()).isTrue();
    }

    @Test
    void withConfigValueSetsAndRemoves() {
        assertThat(vm.withConfigValue("cores", "8").cores()).isEqualTo(8);
        assertThat(vm.withConfigValue("tags", "").tags()).isEmpty();
    }

    @Test
    void inventoryRejectsDuplicateVmids() {
        assertThatThrownBy(() -> Inventory.empty().withGuests(List.of(vm, vm.withNode("pve2"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void inventoryKeepsGuestsOrderedByVmid() {
        Container ct = new Container(100, "pve1", "", PowerState.STOPPED, Map.of("hostname", "dns"), GuestRuntime.NONE);
        Inventory inv = Inventory.empty().withGuest(vm).withGuest(ct);
        assertThat(inv.guests()).extracting(Guest::vmid).containsExactly(100, 101);
        assertThat(inv.containers()).extracting(Guest::name).containsExactly("dns");
    }
}
