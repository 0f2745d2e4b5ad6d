package dev.proxmoxmpc.plugin.ansible.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.GuestRuntime;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.model.PowerState;
import dev.proxmoxmpc.spi.model.VirtualMachine;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** ansible_host comes from what the server observed, then from the static configuration. */
class AddressesTest {
    private static final VirtualMachine DESIRED = new VirtualMachine(108, "pve2", "", PowerState.RUNNING,
            Map.of("name", "ci-runner-01", "net0", "virtio=BC:24:11:00:01:08,bridge=vmbr0", "ipconfig0", "ip=dhcp"),
            GuestRuntime.NONE);

    private static Inventory observed(Guest... guests) {
        return new Inventory("demo", List.of(), List.of(guests), List.of(), List.of(), List.of());
    }

    @Test
    void usesTheGuestAgentAddressTheServerReportedForADesiredGuestWithoutRuntime() {
        Guest seen = DESIRED.withRuntime(new GuestRuntime("", "", 5, List.of("fe80::1", "2001:db8::8", "10.0.0.236"), ""));

        assertThat(Addresses.of(DESIRED, observed(seen))).contains("10.0.0.236");
    }

    @Test
    void fallsBackToTheStaticAddressWhenNothingWasObserved() {
        VirtualMachine fixed = new VirtualMachine(101, "pve1", "", PowerState.STOPPED,
                Map.of("name", "web-01", "ipconfig0", "ip=10.0.0.101/24,gw=10.0.0.1"), GuestRuntime.NONE);

        assertThat(Addresses.of(fixed, observed(fixed))).contains("10.0.0.101");
        assertThat(Addresses.of(DESIRED, Inventory.empty())).as("dhcp is no address").isEmpty();
    }

    @Test
    void takesAnIpv6AddressOnlyWhenThereIsNoIpv4() {
        Guest seen = DESIRED.withRuntime(new GuestRuntime("", "", 5, List.of("fe80::1", "2001:db8::8"), ""));

        assertThat(Addresses.of(DESIRED, observed(seen))).contains("2001:db8::8");
    }
}
