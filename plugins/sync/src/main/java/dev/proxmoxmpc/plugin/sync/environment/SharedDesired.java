package dev.proxmoxmpc.plugin.sync.environment;

import dev.proxmoxmpc.spi.kernel.EnvironmentMapping;
import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.Inventory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a /sync of an environment with a mapping does to the project's shared desired state. The merge ran in that
 * environment's names (the desired state as mapped, its own base, its server); this takes the result back:
 * <ul>
 *   <li>a guest the desired state has takes the merged fields, its disks, NICs and addresses translated back by the
 *       inverse mapping; its node stays the desired state's unless the server moved it to another mapped node (a node
 *       name only that cluster knows never enters the shared state);</li>
 *   <li>a guest only on that server is not added (it is that environment's, unmanaged: /plan there leaves it alone);</li>
 *   <li>a guest the server lacks stays in the desired state (/plan there creates it again);</li>
 *   <li>nodes, storages, networks and pools stay the desired state's.</li>
 * </ul>
 * Pure.
 */
public final class SharedDesired {
    private SharedDesired() {}

    /** What the write-back kept out of the shared state. */
    public record Result(Inventory desired, List<Integer> onlyOnServer) {
        public Result {
            onlyOnServer = List.copyOf(onlyOnServer);
        }
    }

    /**
     * @param stored  the shared desired state before the sync (the project's names)
     * @param merged  the merge's result in the environment's names
     * @param m       the environment's mapping (not empty)
     */
    public static Result back(Inventory stored, Inventory merged, EnvironmentMapping m) {
        EnvironmentMapping inverse = inverse(m);
        List<Guest> guests = new ArrayList<>();
        for (Guest g : stored.guests()) {
            Optional<Guest> there = merged.guest(g.vmid());
            if (there.isEmpty() || MappedDesired.guest(g, m).equals(there.get())) {
                guests.add(g);
                continue;
            }
            Guest back = MappedDesired.guest(there.get(), inverse);
            String node = inverse.nodes().containsKey(there.get().node()) || there.get().node().equals(g.node())
                    ? back.node() : g.node();
            guests.add(back.withNode(node));
        }
        List<Integer> onlyThere = merged.guests().stream().map(Guest::vmid).filter(id -> stored.guest(id).isEmpty()).toList();
        return new Result(stored.withGuests(guests), onlyThere);
    }

    /** @return the mapping read backwards; where two names map onto one, the first (sorted) comes back */
    static EnvironmentMapping inverse(EnvironmentMapping m) {
        return new EnvironmentMapping(flip(m.nodes()), flip(m.storages()), flip(m.bridges()), flip(m.subnets()), Map.of());
    }

    private static Map<String, String> flip(Map<String, String> pairs) {
        Map<String, String> out = new TreeMap<>();
        new TreeMap<>(pairs).forEach((from, to) -> out.putIfAbsent(to, from));
        return out;
    }
}
