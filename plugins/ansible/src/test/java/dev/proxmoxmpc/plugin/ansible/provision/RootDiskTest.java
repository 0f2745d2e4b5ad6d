package dev.proxmoxmpc.plugin.ansible.provision;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proxmoxmpc.spi.model.Container;
import dev.proxmoxmpc.spi.model.GuestRuntime;
import dev.proxmoxmpc.spi.model.PowerState;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RootDiskTest {
    private static Container ct(String rootfs) {
        return new Container(200, "pve1", "", PowerState.RUNNING, Map.of("hostname", "a", "rootfs", rootfs), GuestRuntime.NONE);
    }

    @Test
    void readsTheStorageAndSizeOfAnExistingAndANewRootDisk() {
        assertThat(RootDisk.of(ct("local-lvm:vm-200-disk-0,size=8G"))).contains(new RootDisk("local-lvm", 8));
        assertThat(RootDisk.of(ct("local-lvm:16"))).contains(new RootDisk("local-lvm", 16));
        assertThat(RootDisk.of(ct("tank:subvol-200-disk-0,mountoptions=noatime"))).contains(new RootDisk("tank", 0));
        assertThat(RootDisk.of(ct(""))).isEmpty();
    }
}
