package dev.proxmoxmpc.spi.state;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.GuestKind;
import dev.proxmoxmpc.spi.model.PowerState;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * How many stored guests share a node, kind, power state and template flag ({@link StateStore#guestCounts(StateKind)}).
 *
 * @param node     the node
 * @param kind     VM or container
 * @param status   the power state
 * @param template whether they are templates
 * @param count    how many, at least 1
 */
@API(status = EXPERIMENTAL, since = "1.0")
public record GuestCount(String node, GuestKind kind, PowerState status, boolean template, int count) {
    public GuestCount {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(status, "status");
    }

    /** @return the counts of {@code guests}, ordered by node, kind, status and template flag. */
    public static List<GuestCount> of(List<Guest> guests) {
        return merged(guests.stream().map(g -> new GuestCount(g.node(), g.kind(), g.status(), g.template(), 1)).toList());
    }

    /** @return the counts with equal node, kind, status and template flag added up, in the order of {@link #of}. */
    public static List<GuestCount> merged(List<GuestCount> counts) {
        Map<Key, Integer> sums = new TreeMap<>(ORDER);
        counts.forEach(c -> sums.merge(new Key(c.node(), c.kind(), c.status(), c.template()), c.count(), Integer::sum));
        return sums.entrySet().stream().map(e -> new GuestCount(e.getKey().node(), e.getKey().kind(), e.getKey().status(),
                e.getKey().template(), e.getValue())).toList();
    }

    private record Key(String node, GuestKind kind, PowerState status, boolean template) {}

    private static final Comparator<Key> ORDER = Comparator.comparing(Key::node).thenComparing(Key::kind)
            .thenComparing(Key::status).thenComparing(Key::template);
}
