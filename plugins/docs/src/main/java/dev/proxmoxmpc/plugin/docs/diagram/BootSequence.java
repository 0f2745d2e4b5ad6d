package dev.proxmoxmpc.plugin.docs.diagram;

import dev.proxmoxmpc.plugin.docs.facts.ClusterFacts;
import dev.proxmoxmpc.plugin.docs.facts.GuestFacts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The start order at boot: one stage per {@code startup order} value, ascending, then the guests without one (PVE
 * starts them last, by VMID); an arrow leads from each stage to the next. Shutdown runs the other way. At most
 * {@code cap} guests are drawn one by one; the rest of a stage becomes "+N more".
 */
public final class BootSequence {
    private final ClusterFacts facts;
    private final int cap;

    public BootSequence(ClusterFacts facts, int cap) {
        this.facts = facts;
        this.cap = cap;
    }

    /** @return stage title -> guests in start order. */
    public static Map<String, List<GuestFacts>> stages(ClusterFacts facts) {
        Map<String, List<GuestFacts>> out = new LinkedHashMap<>();
        for (GuestFacts g : facts.bootOrder()) {
            String stage = g.startOrder().ordered() ? "order " + g.startOrder().order() : "no order (by VMID)";
            out.computeIfAbsent(stage, k -> new ArrayList<>()).add(g);
        }
        return out;
    }

    public Diagram diagram() {
        Mermaid m = new Mermaid("TB");
        Map<String, List<GuestFacts>> stages = stages(facts);
        int drawn = 0;
        List<String> keys = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, List<GuestFacts>> stage : stages.entrySet()) {
            String key = "stage:" + i++;
            keys.add(key);
            m.subgraph(key, (i == 1 ? "start first: " : "then: ") + stage.getKey());
            int left = 0;
            for (GuestFacts g : stage.getValue()) {
                if (drawn < cap && m.fits(stages.size(), 400)) {
                    m.box("guest:" + g.vmid(), Topology.guestLabel(g) + " on " + g.node()
                            + (g.startOrder().up() >= 0 ? ", wait " + g.startOrder().up() + "s" : ""));
                    drawn++;
                } else {
                    left++;
                }
            }
            if (left > 0) {
                m.box("more:" + key, "+" + left + (left == 1 ? " guest" : " guests"));
            }
            m.end();
        }
        if (keys.isEmpty()) {
            m.box("none", "no guest starts at boot (onboot)");
        }
        for (int k = 1; k < keys.size(); k++) {
            m.edge(keys.get(k - 1), keys.get(k), "");
        }
        return new Diagram("start-order", "Start order at boot", m.text(), drawn, m.edges());
    }
}
