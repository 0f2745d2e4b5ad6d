package dev.proxmoxmpc.spi.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConfigValuesTest {

    @Test
    void aDiskToAllocateEqualsTheVolumeTheServerNamesForIt() {
        assertThat(ConfigValues.equivalent("scsi0", "local-lvm:32", "local-lvm:vm-100-disk-0,size=32G")).isTrue();
        assertThat(ConfigValues.equivalent("scsi0", "local-lvm:32,size=32G,discard=on,ssd=1",
                "local-lvm:vm-100-disk-0,discard=on,size=32G,ssd=1")).isTrue();
        assertThat(ConfigValues.equivalent("rootfs", "local-lvm:8,size=8G", "local-lvm:subvol-200-disk-0,size=8G")).isTrue();
        assertThat(ConfigValues.equivalent("scsi0", "local-lvm:16", "local-lvm:base-9000-disk-0,size=16384M")).isTrue();
    }

    @Test
    void aNetworkCommentEqualsItWithTheLineBreakPveKeeps() {
        assertThat(ConfigValues.equivalent("comments", "LAN", "LAN\n")).isTrue();
        assertThat(ConfigValues.equivalent("comments", "LAN", "WAN\n")).isFalse();
    }

    @Test
    void aDifferentSizeStorageOrOptionIsADifference() {
        assertThat(ConfigValues.equivalent("scsi0", "local-lvm:32", "local-lvm:vm-100-disk-0,size=40G")).isFalse();
        assertThat(ConfigValues.equivalent("scsi0", "local-lvm:32", "ceph:vm-100-disk-0,size=32G")).isFalse();
        assertThat(ConfigValues.equivalent("scsi0", "local-lvm:32,ssd=1", "local-lvm:vm-100-disk-0,size=32G")).isFalse();
        assertThat(ConfigValues.equivalent("ide2", "local:iso/a.iso,media=cdrom", "local:iso/b.iso,media=cdrom")).isFalse();
    }

    @Test
    void cloudInitDrivesEfiAndTpmDisksCompareWithoutTheirGeneratedNameAndFixedSize() {
        assertThat(ConfigValues.equivalent("ide2", "local-lvm:cloudinit,media=cdrom", "local-lvm:vm-107-cloudinit,media=cdrom")).isTrue();
        assertThat(ConfigValues.equivalent("efidisk0", "local-lvm:1,efitype=4m,pre-enrolled-keys=1",
                "local-lvm:vm-109-disk-0,efitype=4m,pre-enrolled-keys=1,size=4M")).isTrue();
        assertThat(ConfigValues.equivalent("tpmstate0", "local-lvm:1,version=v2.0", "local-lvm:vm-109-disk-2,size=4M,version=v2.0")).isTrue();
        assertThat(ConfigValues.equivalent("tpmstate0", "local-lvm:1", "local-lvm:vm-109-disk-2,size=4M,version=v2.0")).isFalse();
    }

    @Test
    void nicSpellingsAndOptionOrderDoNotMatterButTheBridgeDoes() {
        assertThat(ConfigValues.equivalent("net0", "virtio=BC:24:11:00:00:01,bridge=vmbr0,firewall=1",
                "bridge=vmbr0,firewall=1,model=virtio,macaddr=bc:24:11:00:00:01")).isTrue();
        assertThat(ConfigValues.equivalent("net0", "type=veth,name=eth0,bridge=vmbr0,ip=dhcp",
                "name=eth0,bridge=vmbr0,ip=dhcp,type=veth")).isTrue();
        assertThat(ConfigValues.equivalent("net0", "macaddr=BC:24:11:00:00:01,firewall=1",
                "virtio=BC:24:11:00:00:01,bridge=vmbr0,firewall=1")).isFalse();
        assertThat(ConfigValues.equivalent("net0", "virtio=BC:24:11:00:00:01,bridge=vmbr0",
                "e1000=BC:24:11:00:00:01,bridge=vmbr0")).isFalse();
    }

    @Test
    void plainValuesCompareExactly() {
        assertThat(ConfigValues.equivalent("description", "a,b", "b,a")).isFalse();
        assertThat(ConfigValues.equivalent("cores", "2", "2")).isTrue();
        assertThat(ConfigValues.equivalent("ipconfig0", "ip=10.0.0.5/24,gw=10.0.0.1", "gw=10.0.0.1,ip=10.0.0.5/24")).isTrue();
    }
}
