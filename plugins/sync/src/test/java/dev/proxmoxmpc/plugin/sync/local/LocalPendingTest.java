package dev.proxmoxmpc.plugin.sync.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proxmoxmpc.plugin.sync.fake.Fixtures;
import dev.proxmoxmpc.plugin.sync.plan.Planner;
import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.GuestKind;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.model.Node;
import dev.proxmoxmpc.spi.model.PowerState;
import dev.proxmoxmpc.spi.state.GuestCount;
import dev.proxmoxmpc.spi.state.StateKind;
import dev.proxmoxmpc.spi.testkit.InMemoryStateStore;
import dev.proxmoxmpc.spi.testkit.SampleInventories;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The pending count from the differing guests equals the planner's count on the whole inventories. */
class LocalPendingTest {
    private final Inventory observed = SampleInventories.many(60);

    private static int full(Inventory desired, Inventory observed) {
        return new Planner(name -> Optional.of("")).plan(desired, observed).items().size();
    }

    private static int local(Inventory desired, Inventory observed) {
        InMemoryStateStore store = new InMemoryStateStore();
        store.save(StateKind.DESIRED, desired);
        store.save(StateKind.OBSERVED, observed);
        return LocalPending.count(store);
    }

    private Inventory changed() {
        return Fixtures.planChanges(observed);
    }

    @Test
    void countsWhatThePlannerCountsOnTheWholeInventories() {
        Inventory desired = changed();
        assertThat(local(desired, observed)).isEqualTo(full(desired, observed)).isGreaterThanOrEqualTo(8);
    }

    @Test
    void countsNothingWhenBothAreTheSame() {
        assertThat(local(observed, observed)).isZero().isEqualTo(full(observed, observed));
    }

    @Test
    void countsAsThePlannerDoesWithANodeDown() {
        Inventory down = new Inventory(observed.cluster(), List.of(observed.nodes().get(0), observed.nodes().get(1),
                new Node("pve3", "offline", 4, 1L << 33, 1L << 35, 0, "")), observed.guests(), observed.storages(),
                observed.networks(), observed.pools());
        Inventory desired = changed().withGuest(observed.guest(104).orElseThrow().withNode("pve3"));
        assertThat(local(desired, down)).isEqualTo(full(desired, down));
    }

    @Test
    void statusCountsAreTheCountsOfTheGuests() {
        LocalCounts counts = new LocalCounts(GuestCount.of(observed.guests()));
        List<Guest> guests = observed.guests().stream().filter(g -> !g.template()).toList();
        assertThat(counts.guests(GuestKind.VM)).isEqualTo(guests.stream().filter(g -> g.kind() == GuestKind.VM).count());
        assertThat(counts.running(GuestKind.CONTAINER)).isEqualTo(guests.stream()
                .filter(g -> g.kind() == GuestKind.CONTAINER && g.status() == PowerState.RUNNING).count());
        assertThat(counts.on("pve2", GuestKind.VM)).isEqualTo(guests.stream()
                .filter(g -> g.kind() == GuestKind.VM && g.node().equals("pve2")).count());
        assertThat(counts.runningOn("pve1")).isEqualTo(guests.stream()
                .filter(g -> g.node().equals("pve1") && g.status() == PowerState.RUNNING).count());
        assertThat(counts.templates()).isEqualTo(observed.guests().stream().filter(Guest::template).count()).isPositive();
    }
}
