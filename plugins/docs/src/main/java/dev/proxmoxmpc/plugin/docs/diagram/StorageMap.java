package dev.proxmoxmpc.plugin.docs.diagram;

import dev.proxmoxmpc.plugin.docs.facts.ClusterFacts;
import dev.proxmoxmpc.plugin.docs.facts.GuestFacts;
import dev.proxmoxmpc.spi.model.Storage;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which guests keep disks on which storage. Up to {@code cap} guests: one box per guest inside its node, an edge to
 * each storage it uses. More: one edge per (node, storage) labelled with the number of guests.
 */
public final class StorageMap {
    private final ClusterFacts facts;
    private final int cap;

    public StorageMap(ClusterFacts facts, int cap) {
        this.facts = facts;
        this.cap = cap;
    }

    public Diagram diagram() {
        Mermaid m = new Mermaid("LR");
        Set<String> ids = new LinkedHashSet<>();
        for (Storage s : facts.inventory().storages()) {
            m.cylinder("storage:" + s.id(), storageLabel(s));
            ids.add(s.id());
        }
        facts.guests().forEach(g -> g.storages().stream().filter(ids::add).forEach(id -> m.cylinder("storage:" + id, id + " (not in the inventory)")));
        boolean each = facts.guests().size() <= cap;
        int drawn = 0;
        for (String node : facts.nodeNames()) {
            List<GuestFacts> guests = facts.on(node).stream().filter(g -> !g.storages().isEmpty()).toList();
            if (guests.isEmpty()) {
                continue;
            }
            if (each) {
                m.subgraph("node:" + node, node);
                guests.forEach(g -> m.box("guest:" + g.vmid(), Topology.guestLabel(g)));
                m.end();
                for (GuestFacts g : guests) {
                    g.storages().forEach(s -> m.edge("guest:" + g.vmid(), "storage:" + s, ""));
                }
                drawn += guests.size();
            } else {
                Map<String, Integer> perStorage = new TreeMap<>();
                guests.forEach(g -> g.storages().forEach(s -> perStorage.merge(s, 1, Integer::sum)));
                m.box("node:" + node, node + " (" + guests.size() + " guests)");
                perStorage.forEach((s, n) -> m.edge("node:" + node, "storage:" + s, n + (n == 1 ? " guest" : " guests")));
            }
        }
        return new Diagram("storage", "Storage use", m.text(), drawn, m.edges());
    }

    static String storageLabel(Storage s) {
        return s.id() + " (" + s.type() + (s.shared() ? ", shared" : "") + (s.content().isEmpty() ? "" : ": " + String.join(", ", s.content())) + ")";
    }
}
