package dev.proxmoxmpc.plugin.docs.models;

import dev.proxmoxmpc.plugin.docs.facts.ClusterFacts;
import dev.proxmoxmpc.plugin.docs.facts.GuestFacts;
import dev.proxmoxmpc.plugin.docs.text.Sh;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Template models of the runbooks: this cluster's names in ready-to-paste commands. Names go into commands as
 * shell words ({@link Sh#quote}); a cluster without guests or with one node still gets every runbook, with
 * placeholders ({@code VMID}, {@code NODE}) where a name is missing.
 */
public final class RunbookModels {
    /** Runbook file (under docs/runbooks/) -> title, in reading order. */
    public static final Map<String, String> RUNBOOKS = runbooks();

    private final ClusterFacts facts;
    private final String environment;

    public RunbookModels(ClusterFacts facts, String environment) {
        this.facts = facts;
        this.environment = environment;
    }

    private static Map<String, String> runbooks() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("start-stop-cluster.md", "Start and stop the cluster in order");
        m.put("node-maintenance.md", "Put a node into maintenance and back");
        m.put("migrate-guest.md", "Migrate a guest to another node");
        m.put("restore-guest.md", "Restore a guest from a backup");
        m.put("replace-node.md", "Replace a failed node");
        m.put("lost-quorum.md", "Recover from lost quorum");
        m.put("rotate-api-token.md", "Rotate the API token");
        m.put("failed-apply.md", "Recover from a failed /apply");
        m.put("rollback.md", "Roll back with /rollback");
        return m;
    }

    public Map<String, Object> model() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cluster", facts.name());
        m.put("environment", environment);
        m.put("secretVariable", ScriptModels.secretVariable(environment));
        List<String> nodes = facts.nodeNames();
        m.put("nodes", nodes.stream().map(Sh::quote).toList());
        m.put("hasNodes", !nodes.isEmpty());
        String node = nodes.isEmpty() ? "NODE" : Sh.quote(nodes.get(0));
        String other = nodes.size() > 1 ? Sh.quote(nodes.get(1)) : "OTHER_NODE";
        m.put("node", node);
        m.put("otherNode", other);
        m.put("multiNode", nodes.size() > 1);
        GuestFacts g = facts.example().orElse(null);
        m.put("hasExample", g != null);
        m.put("guest", g == null ? placeholder() : guest(g));
        List<GuestFacts> onNode = nodes.isEmpty() ? List.of() : facts.on(nodes.get(0)).stream().filter(x -> !x.guest().template()).toList();
        m.put("nodeGuests", onNode.stream().map(RunbookModels::guest).toList());
        m.put("nodeHasGuests", !onNode.isEmpty());
        List<GuestFacts> boot = facts.bootOrder();
        List<Map<String, Object>> bootRows = new ArrayList<>();
        for (GuestFacts x : boot) {
            Map<String, Object> row = guest(x);
            row.put("position", bootRows.size() + 1);
            bootRows.add(row);
        }
        m.put("bootOrder", bootRows);
        m.put("backupStore", facts.inventory().storages().stream().filter(s -> s.content().contains("backup"))
                .map(s -> Sh.quote(s.id())).findFirst().orElse("STORAGE"));
        List<GuestFacts> reverse = new ArrayList<>(boot);
        java.util.Collections.reverse(reverse);
        m.put("shutdownOrder", reverse.stream().map(RunbookModels::guest).toList());
        m.put("hasBootOrder", !boot.isEmpty());
        m.put("notAtBoot", facts.running().stream().filter(x -> !x.startsAtBoot()).map(RunbookModels::guest).toList());
        List<GuestFacts> ha = facts.guests().stream().filter(x -> !x.ha().isBlank()).toList();
        m.put("haGuests", ha.stream().map(RunbookModels::guest).toList());
        m.put("hasHa", !ha.isEmpty());
        return m;
    }

    static Map<String, Object> guest(GuestFacts g) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("vmid", g.vmid());
        m.put("name", Sh.quote(g.label()));
        m.put("label", g.label());
        m.put("node", Sh.quote(g.node()));
        m.put("tool", g.tool());
        m.put("noun", g.noun());
        m.put("vm", g.vm());
        m.put("sid", (g.vm() ? "vm:" : "ct:") + g.vmid());
        m.put("kind", g.apiType());
        m.put("start", g.startOrder().text());
        m.put("up", g.startOrder().up() >= 0 ? g.startOrder().up() : 0);
        m.put("hasUp", g.startOrder().up() > 0);
        m.put("down", g.startOrder().down() >= 0 ? g.startOrder().down() : 180);
        m.put("ha", g.ha());
        m.put("isHa", !g.ha().isBlank());
        m.put("status", g.guest().status().name().toLowerCase(Locale.ROOT));
        return m;
    }

    private static Map<String, Object> placeholder() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("vmid", "VMID");
        m.put("name", "GUEST");
        m.put("label", "GUEST");
        m.put("node", "NODE");
        m.put("tool", "qm");
        m.put("noun", "vm");
        m.put("vm", true);
        m.put("sid", "vm:VMID");
        m.put("kind", "qemu");
        m.put("isHa", false);
        return m;
    }
}
