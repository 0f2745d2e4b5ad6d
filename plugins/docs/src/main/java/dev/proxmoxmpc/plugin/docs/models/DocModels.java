package dev.proxmoxmpc.plugin.docs.models;

import dev.proxmoxmpc.plugin.docs.diagram.Diagram;
import dev.proxmoxmpc.plugin.docs.diagram.Names;
import dev.proxmoxmpc.plugin.docs.diagram.Units;
import dev.proxmoxmpc.plugin.docs.facts.ClusterFacts;
import dev.proxmoxmpc.plugin.docs.facts.GuestFacts;
import dev.proxmoxmpc.plugin.docs.text.Csv;
import dev.proxmoxmpc.plugin.docs.text.Md;
import dev.proxmoxmpc.spi.model.ClusterObject;
import dev.proxmoxmpc.spi.model.Network;
import dev.proxmoxmpc.spi.model.Node;
import dev.proxmoxmpc.spi.model.Storage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Template models of architecture.md, inventory.md and inventory.csv. Every string is ready to insert: Markdown
 * cells escaped, Mermaid text complete. Deterministic: no clock, no live figures.
 */
public final class DocModels {
    private final ClusterFacts facts;
    private final String environment;
    private final String endpoint;

    public DocModels(ClusterFacts facts, String environment, String endpoint) {
        this.facts = facts;
        this.environment = environment;
        this.endpoint = endpoint;
    }

    /** Values every docs template may use. */
    public Map<String, Object> base() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cluster", Md.cell(facts.name()));
        m.put("environment", Md.cell(environment));
        m.put("endpoint", endpoint.isEmpty() ? "-" : Md.cell(endpoint));
        m.put("nodeCount", facts.nodeNames().size());
        m.put("guestCount", facts.running().size());
        m.put("vmCount", facts.running().stream().filter(GuestFacts::vm).count());
        m.put("containerCount", facts.running().stream().filter(g -> !g.vm()).count());
        m.put("templateCount", facts.templates().size());
        Optional<ClusterObject> status = facts.inventory().object("cluster-status", "", "");
        String version = status.map(o -> o.value("version")).orElse("");
        m.put("pveVersion", version.isEmpty() ? "not known (sync with a token that may read /version)" : Md.cell(version));
        String quorate = status.map(o -> o.value("quorate")).orElse("");
        String members = status.map(o -> o.value("members")).orElse("");
        m.put("quorum", quorate.isEmpty() ? "not known (needs Sys.Audit on /)"
                : (quorate.equals("1") ? "quorate" : "NOT quorate") + (members.isEmpty() || members.equals("0") ? ""
                : ", " + members + (members.equals("1") ? " member" : " members")));
        return m;
    }

    /** Scheduled backup jobs, and the guests none of them includes (templates aside). */
    private void backupJobs(Map<String, Object> m) {
        List<ClusterObject> jobs = facts.inventory().objects("backup-job");
        List<Map<String, Object>> rows = new ArrayList<>();
        java.util.Set<Integer> covered = new java.util.TreeSet<>();
        for (ClusterObject j : jobs) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("id", Md.cell(j.id()));
            r.put("schedule", Md.code(j.value("schedule")));
            r.put("storage", Md.cell(j.value("storage")));
            String node = j.value("node");
            String selection;
            java.util.Set<String> excluded = new java.util.TreeSet<>(Arrays.asList(j.value("exclude").split("[,;\\s]+")));
            if (j.value("all").equals("1")) {
                selection = "all" + (j.value("exclude").isBlank() ? "" : " except " + String.join(", ", excluded));
                facts.guests().stream().filter(g -> node.isEmpty() || g.node().equals(node))
                        .filter(g -> !excluded.contains(Integer.toString(g.guest().vmid()))).forEach(g -> covered.add(g.guest().vmid()));
            } else if (!j.value("pool").isEmpty()) {
                selection = "pool " + j.value("pool");
                facts.guests().stream().filter(g -> g.guest().pool().equals(j.value("pool"))).forEach(g -> covered.add(g.guest().vmid()));
            } else {
                List<String> ids = Arrays.stream(j.value("vmid").split("[,;\\s]+")).filter(s -> !s.isEmpty()).toList();
                selection = ids.isEmpty() ? "-" : String.join(", ", ids);
                ids.forEach(id -> {
                    try {
                        covered.add(Integer.parseInt(id));
                    } catch (NumberFormatException e) {
                        // not a VMID: nothing to count
                    }
                });
            }
            r.put("selection", Md.cell(selection + (node.isEmpty() ? "" : " on " + node)));
            r.put("mode", Md.cell(j.value("mode").isEmpty() ? "snapshot" : j.value("mode")));
            r.put("retention", j.value("prune-backups").isEmpty() ? "storage default" : Md.cell(j.value("prune-backups")));
            r.put("enabled", j.value("enabled").equals("0") ? "no" : "yes");
            rows.add(r);
        }
        List<String> unprotected = facts.running().stream().filter(g -> !covered.contains(g.guest().vmid()))
                .map(g -> g.guest().vmid() + (g.guest().name().isEmpty() ? "" : " " + g.guest().name())).toList();
        m.put("backupJobs", rows);
        m.put("hasBackupJobs", !rows.isEmpty());
        m.put("unprotected", Md.cell(String.join(", ", unprotected)));
        m.put("hasUnprotected", !rows.isEmpty() && !unprotected.isEmpty());
    }

    /** Every other kind of cluster object, counted, with its first few names. */
    private void objects(Map<String, Object> m) {
        Map<String, List<ClusterObject>> byKind = new java.util.TreeMap<>();
        facts.inventory().objects().stream().filter(o -> !o.readOnly() && !o.kind().equals("backup-job"))
                .forEach(o -> byKind.computeIfAbsent(o.kind(), k -> new ArrayList<>()).add(o));
        List<Map<String, Object>> rows = new ArrayList<>();
        byKind.forEach((kind, list) -> {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("kind", Md.cell(kind));
            r.put("count", list.size());
            List<String> names = list.stream().limit(8).map(o -> o.scope().isEmpty() ? o.id() : o.scope() + (o.id().isEmpty() ? "" : " " + o.id()))
                    .toList();
            r.put("items", Md.cell(String.join(", ", names) + (list.size() > 8 ? " and " + (list.size() - 8) + " more" : "")));
            rows.add(r);
        });
        m.put("objects", rows);
        m.put("hasObjects", !rows.isEmpty());
    }

    /**
     * @param topology  the cluster topology diagram
     * @param perNode   node name -> its own topology diagram (empty when the cluster diagram shows every guest)
     * @param others    the storage and start-order diagrams
     * @param runbooks  file name -> title
     */
    public Map<String, Object> architecture(Diagram topology, Map<String, Diagram> perNode, List<Diagram> others,
                                            Map<String, String> runbooks, int cap) {
        Map<String, Object> m = base();
        m.put("topology", diagram(topology));
        backupJobs(m);
        objects(m);
        m.put("summarised", !perNode.isEmpty());
        m.put("cap", cap);
        m.put("diagrams", others.stream().map(DocModels::diagram).toList());
        List<Map<String, Object>> nodes = new ArrayList<>();
        for (String name : facts.nodeNames()) {
            nodes.add(node(name, perNode.get(name)));
        }
        m.put("nodes", nodes);
        m.put("storages", facts.inventory().storages().stream().map(this::storage).toList());
        m.put("hasStorages", !facts.inventory().storages().isEmpty());
        m.put("pools", pools());
        m.put("hasPools", !facts.pools().isEmpty());
        m.put("tags", tags());
        m.put("hasTags", !facts.tags().isEmpty());
        m.put("templates", facts.templates().stream().map(g -> GuestRows.markdown(g, "../")).toList());
        m.put("hasTemplates", !facts.templates().isEmpty());
        List<Map<String, String>> rb = new ArrayList<>();
        runbooks.forEach((file, title) -> rb.add(Map.of("file", file, "title", title)));
        m.put("runbooks", rb);
        return m;
    }

    public Map<String, Object> inventory() {
        Map<String, Object> m = base();
        m.put("guests", facts.guests().stream().map(g -> GuestRows.markdown(g, "../")).toList());
        return m;
    }

    public Map<String, Object> csv() {
        Map<String, Object> m = base();
        List<String> rows = new ArrayList<>();
        rows.add(Csv.row(GuestRows.CSV_HEADER));
        facts.guests().forEach(g -> rows.add(Csv.row(GuestRows.csv(g))));
        m.put("rows", rows);
        return m;
    }

    private Map<String, Object> node(String name, Diagram own) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", Md.cell(name));
        m.put("anchor", Names.file(name).toLowerCase(java.util.Locale.ROOT));
        Node n = facts.node(name).orElse(null);
        m.put("known", n != null);
        m.put("status", n == null ? "not in the inventory" : Md.cell(n.status()));
        m.put("cpus", n == null ? "-" : String.valueOf(n.maxCpu()));
        m.put("memory", n == null ? "-" : Units.bytes(n.maxMemory()));
        m.put("disk", n == null ? "-" : Units.bytes(n.maxDisk()));
        m.put("subscription", n == null || n.level().isBlank() ? "-" : Md.cell(n.level()));
        List<GuestFacts> guests = facts.on(name);
        m.put("guestCount", guests.size());
        m.put("vcpus", guests.stream().filter(g -> !g.guest().template()).mapToInt(GuestFacts::vcpus).sum());
        m.put("guestMemory", Units.mib(guests.stream().filter(g -> !g.guest().template()).mapToLong(GuestFacts::memoryMiB).sum()));
        m.put("guests", guests.stream().map(g -> GuestRows.markdown(g, "../")).toList());
        m.put("hasGuests", !guests.isEmpty());
        m.put("networks", facts.networks(name).stream().map(DocModels::network).toList());
        m.put("hasNetworks", !facts.networks(name).isEmpty());
        m.put("diagram", own == null ? Map.of() : diagram(own));
        m.put("hasDiagram", own != null);
        return m;
    }

    private static Map<String, Object> network(Network n) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("iface", Md.cell(n.iface()));
        m.put("type", Md.cell(n.type()));
        String ports = firstNonEmpty(n.value("bridge_ports"), n.value("slaves"), n.value("bond-slaves"), n.value("ovs_ports"),
                n.value("vlan-raw-device"));
        m.put("ports", ports.isEmpty() ? "-" : Md.cell(ports));
        String vlan = n.vlan() ? n.value("vlan-id") : n.vlanAware() ? "aware" + (n.value("bridge_vids").isEmpty() ? "" : " " + n.value("bridge_vids")) : "";
        m.put("vlan", vlan.isEmpty() ? "-" : Md.cell(vlan));
        String addr = String.join(" ", List.of(n.cidr(), n.value("cidr6")).stream().filter(s -> !s.isEmpty()).toList());
        m.put("address", addr.isEmpty() ? "-" : Md.cell(addr));
        m.put("gateway", n.value("gateway").isEmpty() ? "-" : Md.cell(n.value("gateway")));
        m.put("bondMode", n.value("bond_mode").isEmpty() ? "" : Md.cell(n.value("bond_mode")));
        m.put("comments", n.comments().isEmpty() ? "-" : Md.cell(n.comments()));
        return m;
    }

    private Map<String, Object> storage(Storage s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", Md.cell(s.id()));
        m.put("type", Md.cell(s.type()));
        m.put("content", Md.list(s.content()));
        m.put("shared", s.shared() ? "yes" : "no");
        m.put("nodes", s.nodes().isEmpty() ? "all" : Md.cell(String.join(", ", s.nodes())));
        String where = firstNonEmpty(s.config().getOrDefault("path", ""),
                join(s.config().getOrDefault("server", ""), s.config().getOrDefault("export", "")),
                s.config().getOrDefault("vgname", "") + (s.config().containsKey("thinpool") ? "/" + s.config().get("thinpool") : ""),
                s.config().getOrDefault("pool", ""), s.config().getOrDefault("datastore", ""));
        m.put("location", where.isEmpty() ? "-" : Md.cell(where));
        long users = facts.guests().stream().filter(g -> g.storages().contains(s.id())).count();
        m.put("guests", users);
        return m;
    }

    private List<Map<String, Object>> pools() {
        List<Map<String, Object>> out = new ArrayList<>();
        facts.pools().forEach((id, members) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", Md.cell(id));
            m.put("comment", facts.inventory().pools().stream().filter(p -> p.id().equals(id)).findFirst()
                    .map(p -> p.comment().isBlank() ? "-" : Md.cell(p.comment())).orElse("not in the inventory"));
            m.put("count", members.size());
            m.put("members", members.isEmpty() ? "-" : names(members));
            out.add(m);
        });
        return out;
    }

    private List<Map<String, Object>> tags() {
        List<Map<String, Object>> out = new ArrayList<>();
        facts.tags().forEach((tag, members) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("tag", Md.cell(tag));
            m.put("count", members.size());
            m.put("members", names(members));
            out.add(m);
        });
        return out;
    }

    /** @return up to 20 names, then "and N more". */
    private static String names(List<GuestFacts> guests) {
        List<String> shown = guests.stream().limit(20).map(g -> Md.cell(g.label())).toList();
        String s = String.join(", ", shown);
        return guests.size() > shown.size() ? s + " and " + (guests.size() - shown.size()) + " more" : s;
    }

    static Map<String, Object> diagram(Diagram d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", Md.cell(d.title()));
        m.put("path", d.path());
        m.put("text", d.text());
        return m;
    }

    private static String join(String server, String export) {
        return server.isEmpty() ? "" : server + (export.isEmpty() ? "" : ":" + export);
    }

    private static String firstNonEmpty(String... values) {
        for (String v : values) {
            if (!v.isEmpty() && !v.equals("/")) {
                return v;
            }
        }
        return "";
    }
}
