package dev.proxmoxmpc.plugin.resources.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proxmoxmpc.plugin.resources.view.GuestRow;
import dev.proxmoxmpc.spi.model.Container;
import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.GuestKind;
import dev.proxmoxmpc.spi.model.GuestRuntime;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.model.PowerState;
import dev.proxmoxmpc.spi.state.StateKind;
import dev.proxmoxmpc.spi.testkit.InMemoryStateStore;
import dev.proxmoxmpc.spi.testkit.SampleInventories;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The lines made from the pairs read (with filters, and with the server's guest read only where the store reports a
 * difference) are exactly the lines of a full scan whose shown guest matches.
 */
class GuestPairsTest {
    private final InMemoryStateStore store = new InMemoryStateStore();

    GuestPairsTest() {
        Inventory sample = SampleInventories.many(90);
        Inventory desired = sample
                .withGuest(sample.guest(100).orElseThrow().withNode("pve3"))          // moved away from pve1
                .withGuest(sample.guest(103).orElseThrow().withConfigValue("tags", "dev"))
                .withoutGuest(104)                                                        // only on the server
                .withoutGuest(106).withGuest(new Container(106, "pve1", "", PowerState.STOPPED,  // other kind in desired
                        Map.of("hostname", "swapped", "tags", "prod"), GuestRuntime.NONE))
                .withGuest(new Container(5000, "pve2", "", PowerState.STOPPED, Map.of("hostname", "new", "tags", "prod;web"),
                        GuestRuntime.NONE));
        // The server's guests carry a runtime (the desired ones none), and two are in another power state.
        Inventory observed = sample.withoutGuest(110);                                    // only desired
        for (Guest g : sample.guests()) {
            if (g.vmid() != 110) {
                observed = observed.withGuest(g.withRuntime(new GuestRuntime("", "", 1000 + g.vmid(), List.of("10.0.0." + (g.vmid() % 250)), "d")));
            }
        }
        observed = observed.withGuest(observed.guest(112).orElseThrow().withStatus(PowerState.STOPPED))
                .withGuest(observed.guest(115).orElseThrow().withStatus(PowerState.STOPPED));
        store.save(StateKind.DESIRED, desired);
        store.save(StateKind.OBSERVED, observed);
    }

    private Map<Integer, GuestRow> scan(GuestKind kind, Optional<String> node, List<String> tags) {
        Map<Integer, Guest[]> all = new TreeMap<>();
        store.load(StateKind.DESIRED).guests().stream().filter(g -> g.kind() == kind)
                .forEach(g -> all.computeIfAbsent(g.vmid(), k -> new Guest[2])[0] = g);
        store.load(StateKind.OBSERVED).guests().stream().filter(g -> g.kind() == kind)
                .forEach(g -> all.computeIfAbsent(g.vmid(), k -> new Guest[2])[1] = g);
        return lines(all, node, tags);
    }

    private Map<Integer, GuestRow> read(GuestKind kind, Optional<String> node, List<String> tags) {
        return lines(GuestPairs.read(store, kind, node, tags), node, tags);
    }

    private static Map<Integer, GuestRow> lines(Map<Integer, Guest[]> pairs, Optional<String> node, List<String> tags) {
        Map<Integer, GuestRow> out = new TreeMap<>();
        pairs.forEach((id, pair) -> {
            Guest shown = pair[0] != null ? pair[0] : pair[1];
            if (node.map(shown.node()::equals).orElse(true) && shown.tags().containsAll(tags)) {
                out.put(id, GuestRow.of(shown, pair[1], Pending.of(pair[0], pair[1])));
            }
        });
        return out;
    }

    @Test
    void filteredReadsGiveExactlyTheLinesOfAFullScan() {
        for (GuestKind kind : GuestKind.values()) {
            for (Optional<String> node : List.of(Optional.<String>empty(), Optional.of("pve1"), Optional.of("pve3"), Optional.of("pve9"))) {
                for (List<String> tags : List.of(List.<String>of(), List.of("prod"), List.of("web", "prod"), List.of("dev"))) {
                    Map<Integer, GuestRow> expected = scan(kind, node, tags);
                    assertThat(read(kind, node, tags)).as(kind + " " + node + " " + tags).isEqualTo(expected);
                }
            }
        }
        assertThat(scan(GuestKind.VM, Optional.of("pve3"), List.of())).containsKey(100);
        assertThat(scan(GuestKind.CONTAINER, Optional.of("pve1"), List.of("prod"))).containsKey(106);
        // the lines cover every kind of pending work and a power state only the server's guest gives
        assertThat(scan(GuestKind.VM, Optional.empty(), List.of()).values()).extracting(GuestRow::pending)
                .contains("", "create", "change", "delete");
        assertThat(scan(GuestKind.VM, Optional.empty(), List.of()).get(112)).extracting(GuestRow::status, GuestRow::pending).containsExactly("stopped", "change");
    }
}
