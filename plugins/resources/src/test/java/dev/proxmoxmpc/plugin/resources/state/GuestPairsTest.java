package dev.proxmoxmpc.plugin.resources.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proxmoxmpc.spi.model.Container;
import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.GuestKind;
import dev.proxmoxmpc.spi.model.GuestRuntime;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.model.PowerState;
import dev.proxmoxmpc.spi.state.StateKind;
import dev.proxmoxmpc.spi.testkit.InMemoryStateStore;
import dev.proxmoxmpc.spi.testkit.SampleInventories;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The pairs read with filters are exactly the pairs of a full scan whose shown guest matches. */
class GuestPairsTest {
    private final InMemoryStateStore store = new InMemoryStateStore();

    GuestPairsTest() {
        Inventory observed = SampleInventories.many(90);
        Inventory desired = observed
                .withGuest(observed.guest(100).orElseThrow().withNode("pve3"))          // moved away from pve1
                .withGuest(observed.guest(103).orElseThrow().withConfigValue("tags", "dev"))
                .withoutGuest(104)                                                        // only on the server
                .withoutGuest(106).withGuest(new Container(106, "pve1", "", PowerState.STOPPED,  // other kind in desired
                        Map.of("hostname", "swapped", "tags", "prod"), GuestRuntime.NONE))
                .withGuest(new Container(5000, "pve2", "", PowerState.STOPPED, Map.of("hostname", "new", "tags", "prod;web"),
                        GuestRuntime.NONE));
        store.save(StateKind.DESIRED, desired);
        store.save(StateKind.OBSERVED, observed.withoutGuest(110));                   // only desired
    }

    private Map<Integer, List<Guest>> scan(GuestKind kind, Optional<String> node, List<String> tags) {
        Map<Integer, Guest[]> all = new TreeMap<>();
        store.load(StateKind.DESIRED).guests().stream().filter(g -> g.kind() == kind)
                .forEach(g -> all.computeIfAbsent(g.vmid(), k -> new Guest[2])[0] = g);
        store.load(StateKind.OBSERVED).guests().stream().filter(g -> g.kind() == kind)
                .forEach(g -> all.computeIfAbsent(g.vmid(), k -> new Guest[2])[1] = g);
        Map<Integer, List<Guest>> out = new TreeMap<>();
        all.forEach((id, pair) -> {
            Guest shown = pair[0] != null ? pair[0] : pair[1];
            if (node.map(shown.node()::equals).orElse(true) && shown.tags().containsAll(tags)) {
                out.put(id, Arrays.asList(pair));
            }
        });
        return out;
    }

    private Map<Integer, List<Guest>> read(GuestKind kind, Optional<String> node, List<String> tags) {
        Map<Integer, List<Guest>> out = new TreeMap<>();
        GuestPairs.read(store, kind, node, tags).forEach((id, pair) -> {
            Guest shown = pair[0] != null ? pair[0] : pair[1];
            if (node.map(shown.node()::equals).orElse(true) && shown.tags().containsAll(tags)) {
                out.put(id, Arrays.asList(pair));
            }
        });
        return out;
    }

    @Test
    void filteredReadsGiveExactlyTheLinesOfAFullScan() {
        for (GuestKind kind : GuestKind.values()) {
            for (Optional<String> node : List.of(Optional.<String>empty(), Optional.of("pve1"), Optional.of("pve3"), Optional.of("pve9"))) {
                for (List<String> tags : List.of(List.<String>of(), List.of("prod"), List.of("web", "prod"), List.of("dev"))) {
                    Map<Integer, List<Guest>> expected = scan(kind, node, tags);
                    assertThat(read(kind, node, tags)).as(kind + " " + node + " " + tags).isEqualTo(expected);
                }
            }
        }
        assertThat(scan(GuestKind.VM, Optional.of("pve3"), List.of())).containsKey(100);
        assertThat(scan(GuestKind.CONTAINER, Optional.of("pve1"), List.of("prod"))).containsKey(106);
    }
}
