package dev.proxmoxmpc.plugin.sync.local;

import dev.proxmoxmpc.spi.model.GuestKind;
import dev.proxmoxmpc.spi.model.PowerState;
import dev.proxmoxmpc.spi.state.GuestCount;
import java.util.List;
import java.util.function.Predicate;

/**
 * Guest counts from the store's {@link GuestCount}s (SQL {@code GROUP BY}), summed the way /status shows them.
 *
 * @param counts the store's counts of one inventory
 */
public record LocalCounts(List<GuestCount> counts) {
    public LocalCounts {
        counts = List.copyOf(counts);
    }

    /** @return how many guests match. */
    public int sum(Predicate<GuestCount> which) {
        return counts.stream().filter(which).mapToInt(GuestCount::count).sum();
    }

    /** @return the non-template guests of a kind. */
    public int guests(GuestKind kind) {
        return sum(c -> !c.template() && c.kind() == kind);
    }

    /** @return the running non-template guests of a kind. */
    public int running(GuestKind kind) {
        return sum(c -> !c.template() && c.kind() == kind && c.status() == PowerState.RUNNING);
    }

    /** @return the non-template guests of a kind on a node. */
    public int on(String node, GuestKind kind) {
        return sum(c -> !c.template() && c.node().equals(node) && c.kind() == kind);
    }

    /** @return the running non-template guests on a node. */
    public int runningOn(String node) {
        return sum(c -> !c.template() && c.node().equals(node) && c.status() == PowerState.RUNNING);
    }

    /** @return the templates of both kinds. */
    public int templates() {
        return sum(GuestCount::template);
    }
}
