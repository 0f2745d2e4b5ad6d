package dev.proxmoxmpc.plugin.sync.environment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proxmoxmpc.spi.kernel.EnvironmentMapping;
import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.GuestRuntime;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.model.PowerState;
import dev.proxmoxmpc.spi.model.VirtualMachine;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SharedDesiredTest {
    static final EnvironmentMapping PROD = new EnvironmentMapping(Map.of("pve1", "prod1", "pve2", "prod2"),
            Map.of("ceph", "local-lvm"), Map.of("vmbr1", "vmbr0"), Map.of("10.0.0.0/24", "10.20.0.0/24"), Map.of());

    static VirtualMachine vm(int vmid, String node, String cores, String storage, String bridge, String ip) {
        return new VirtualMachine(vmid, node, "", PowerState.RUNNING, Map.of("name", "web-" + vmid, "cores", cores,
                "scsi0", storage + ":vm-" + vmid + "-disk-0,size=32G", "net0", "virtio=BC:24:11:00:00:01,bridge=" + bridge,
                "ipconfig0", "ip=" + ip + "/24,gw=" + ip.replaceAll("\\d+$", "1")), GuestRuntime.NONE);
    }

    static Inventory of(Guest... guests) {
        return new Inventory("lab", List.of(), List.of(guests), List.of(), List.of(), List.of());
    }

    @Test
    void aChangeOnTheMappedServerComesBackInTheProjectsNames() {
        Inventory stored = of(vm(100, "pve1", "2", "ceph", "vmbr1", "10.0.0.10"));
        Inventory merged = of(vm(100, "prod1", "4", "local-lvm", "vmbr0", "10.20.0.10"));

        SharedDesired.Result back = SharedDesired.back(stored, merged, PROD);

        assertThat(back.desired().guests()).containsExactly(vm(100, "pve1", "4", "ceph", "vmbr1", "10.0.0.10"));
        assertThat(back.onlyOnServer()).isEmpty();
    }

    @Test
    void guestsOnlyOnThatServerStayOutAndGuestsItLacksStayIn() {
        Inventory stored = of(vm(100, "pve1", "2", "ceph", "vmbr1", "10.0.0.10"), vm(101, "pve2", "2", "ceph", "vmbr1", "10.0.0.11"));
        Inventory merged = of(vm(100, "prod1", "2", "local-lvm", "vmbr0", "10.20.0.10"),
                vm(900, "prod1", "8", "local-lvm", "vmbr0", "10.20.0.90"));

        SharedDesired.Result back = SharedDesired.back(stored, merged, PROD);

        assertThat(back.desired()).isEqualTo(stored);
        assertThat(back.onlyOnServer()).containsExactly(900);
    }

    @Test
    void aMoveToAnotherMappedNodeIsTakenAMoveToANodeOnlyThatClusterHasIsNot() {
        Inventory stored = of(vm(100, "pve1", "2", "ceph", "vmbr1", "10.0.0.10"), vm(101, "pve1", "2", "ceph", "vmbr1", "10.0.0.11"));
        Inventory merged = of(vm(100, "prod2", "2", "local-lvm", "vmbr0", "10.20.0.10"),
                vm(101, "prod9", "2", "local-lvm", "vmbr0", "10.20.0.11"));

        SharedDesired.Result back = SharedDesired.back(stored, merged, PROD);

        assertThat(back.desired().guest(100)).map(Guest::node).contains("pve2");
        assertThat(back.desired().guest(101)).map(Guest::node).contains("pve1");
    }
}
