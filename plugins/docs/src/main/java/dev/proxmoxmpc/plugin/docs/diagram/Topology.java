package dev.proxmoxmpc.plugin.docs.diagram;

import dev.proxmoxmpc.plugin.docs.facts.ClusterFacts;
import dev.proxmoxmpc.plugin.docs.facts.GuestFacts;
import dev.proxmoxmpc.spi.model.Network;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The network topology: per node its bridges and VLAN interfaces, and the guests on them (a VLAN tag labels the
 * edge), guests grouped by pool. A diagram draws at most {@code cap} guests one by one and stays within Mermaid's
 * edge and text budgets; the rest of a (node, pool) group becomes one box "+N more" linked to the bridges they use.
 * The cluster diagram shows every guest when there are at most {@code cap}, else one box per (node, pool), and
 * then each node gets a diagram of its own.
 */
public final class Topology {
    private final ClusterFacts facts;
    private final int cap;

    public Topology(ClusterFacts facts, int cap) {
        this.facts = facts;
        this.cap = cap;
    }

    /** @return whether the cluster diagram sums guests up (and per-node diagrams exist). */
    public boolean summarised() {
        return facts.guests().size() > cap;
    }

    /** @return the cluster diagram. */
    public Diagram cluster() {
        Mermaid m = new Mermaid("LR");
        int drawn = 0;
        for (String node : facts.nodeNames()) {
            drawn += drawNode(m, node, summarised() ? 0 : Integer.MAX_VALUE);
        }
        return new Diagram("topology", "Network topology", m.text(), drawn, m.edges());
    }

    /** @return one diagram per node, or none when the cluster diagram already shows every guest. */
    public List<Diagram> perNode() {
        if (!summarised()) {
            return List.of();
        }
        List<Diagram> out = new ArrayList<>();
        for (String node : facts.nodeNames()) {
            Mermaid m = new Mermaid("LR");
            int drawn = drawNode(m, node, cap);
            out.add(new Diagram("topology-" + Names.file(node), "Network topology of " + node, m.text(), drawn, m.edges()));
        }
        return out;
    }

    /** @return how many guests were drawn one by one. */
    private int drawNode(Mermaid m, String node, int budget) {
        List<GuestFacts> guests = facts.on(node);
        m.subgraph("node:" + node, nodeLabel(node, guests.size()));
        Set<String> bridges = bridges(node, guests);
        for (Network n : facts.networks(node)) {
            if (n.vlan()) {
                m.box("if:" + node + ":" + n.iface(), n.iface() + " VLAN" + (n.value("vlan-id").isEmpty() ? "" : " " + n.value("vlan-id"))
                        + (n.cidr().isEmpty() ? "" : " " + n.cidr()));
            }
        }
        for (String b : bridges) {
            m.box("if:" + node + ":" + b, bridgeLabel(node, b));
        }
        Map<String, List<GuestFacts>> byPool = new TreeMap<>();
        guests.forEach(g -> byPool.computeIfAbsent(g.guest().pool(), k -> new ArrayList<>()).add(g));
        Map<String, List<GuestFacts>> rest = new LinkedHashMap<>();
        List<GuestFacts> drawn = new ArrayList<>();
        for (Map.Entry<String, List<GuestFacts>> pool : byPool.entrySet()) {
            String poolKey = node + ":" + pool.getKey();
            boolean inPool = !pool.getKey().isEmpty();
            if (inPool) {
                m.subgraph("pool:" + poolKey, "pool " + pool.getKey());
            }
            List<GuestFacts> left = new ArrayList<>();
            for (GuestFacts g : pool.getValue()) {
                if (drawn.size() < budget && m.fits(g.links().size() + rest.size() + 1 + bridges.size() * byPool.size(), 400)) {
                    m.box("guest:" + g.vmid(), guestLabel(g));
                    drawn.add(g);
                } else {
                    left.add(g);
                }
            }
            if (!left.isEmpty()) {
                m.box("more:" + poolKey, (left.size() == pool.getValue().size() ? "" : "+")
                        + left.size() + (left.size() == 1 ? " guest" : " guests") + (inPool ? " in pool " + pool.getKey() : ""));
                rest.put(poolKey, left);
            }
            if (inPool) {
                m.end();
            }
        }
        m.end();
        for (Network n : facts.networks(node)) {
            String raw = n.value("vlan-raw-device");
            if (n.vlan() && bridges.contains(raw)) {
                m.link("if:" + node + ":" + n.iface(), "if:" + node + ":" + raw);
            }
        }
        for (GuestFacts g : drawn) {
            for (GuestFacts.NicLink l : g.links()) {
                if (!l.bridge().isEmpty()) {
                    m.edge("guest:" + g.vmid(), "if:" + node + ":" + l.bridge(), l.tag().isEmpty() ? "" : "VLAN " + l.tag());
                }
            }
        }
        rest.forEach((poolKey, left) -> {
            Set<String> used = new LinkedHashSet<>();
            left.forEach(g -> g.links().forEach(l -> {
                if (!l.bridge().isEmpty()) {
                    used.add(l.bridge());
                }
            }));
            used.forEach(b -> m.edge("more:" + poolKey, "if:" + node + ":" + b, ""));
        });
        return drawn.size();
    }

    private Set<String> bridges(String node, List<GuestFacts> guests) {
        Set<String> out = new LinkedHashSet<>();
        for (Network n : facts.networks(node)) {
            if (n.bridge() || n.type().equals("OVSBridge")) {
                out.add(n.iface());
            }
        }
        guests.forEach(g -> g.links().forEach(l -> {
            if (!l.bridge().isEmpty()) {
                out.add(l.bridge());
            }
        }));
        return out;
    }

    private String nodeLabel(String node, int guests) {
        return facts.node(node).map(n -> node + " (" + n.maxCpu() + " CPU, " + Units.bytes(n.maxMemory()) + " RAM, "
                + guests + (guests == 1 ? " guest)" : " guests)")).orElse(node + " (" + guests + " guests)");
    }

    private String bridgeLabel(String node, String bridge) {
        return facts.networks(node).stream().filter(n -> n.iface().equals(bridge)).findFirst().map(n -> {
            StringBuilder sb = new StringBuilder(bridge);
            String ports = n.value("bridge_ports").isEmpty() ? n.value("ovs_ports") : n.value("bridge_ports");
            if (!ports.isEmpty()) {
                sb.append(" on ").append(ports);
            }
            if (!n.cidr().isEmpty()) {
                sb.append(' ').append(n.cidr());
            }
            if (n.vlanAware()) {
                sb.append(" VLAN-aware");
            }
            if (!n.comments().isBlank()) {
                sb.append(" (").append(n.comments().trim()).append(')');
            }
            return sb.toString();
        }).orElse(bridge + " (not in the inventory)");
    }

    static String guestLabel(GuestFacts g) {
        return g.label() + " (" + g.vmid() + (g.vm() ? "" : ", ct") + (g.guest().template() ? ", template" : "") + ")";
    }
}
