package dev.proxmoxmpc.spi.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link Inventory#guest(int)} finds exactly what a scan of the guests finds, whatever order they came in. */
class InventoryLookupTest {
    private static Guest guest(int vmid) {
        return vmid % 3 == 0
                ? new Container(vmid, "pve1", "", PowerState.STOPPED, Map.of("hostname", "ct" + vmid), GuestRuntime.NONE)
                : new VirtualMachine(vmid, "pve2", "", PowerState.RUNNING, Map.of("name", "vm" + vmid), GuestRuntime.NONE);
    }

    @Test
    void findsEveryGuestAndNothingElse() {
        Random random = new Random(21);
        for (int size : new int[] {0, 1, 2, 3, 10, 257}) {
            List<Guest> guests = new ArrayList<>();
            for (int i = 0; guests.size() < size; i++) {
                guests.add(guest(100 + i * 2 + random.nextInt(2) * 1000));
            }
            Collections.shuffle(guests, random);
            Inventory inv = new Inventory("c", List.of(), guests, List.of(), List.of(), List.of());
            for (int vmid = 0; vmid < 2000; vmid++) {
                int id = vmid;
                assertThat(inv.guest(id)).as("vmid %d of %d", id, size)
                        .isEqualTo(guests.stream().filter(g -> g.vmid() == id).findFirst());
            }
            assertThat(inv.guest(Integer.MIN_VALUE)).isEmpty();
            assertThat(inv.guest(Integer.MAX_VALUE)).isEmpty();
        }
    }
}
