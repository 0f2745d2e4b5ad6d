package dev.proxmoxmpc.plugin.simulator.ha;

import dev.proxmoxmpc.plugin.simulator.state.Cluster;
import dev.proxmoxmpc.plugin.simulator.state.ConfigText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code /etc/pve/ha/rules.cfg} (PVE 9, pve-ha-manager's {@code PVE::HA::Rules} with its node-affinity and
 * resource-affinity plugins): the options each type allows, the canonical text of {@code resources} (sorted) and
 * {@code nodes} (sorted by node, {@code :priority} when not 0), and the feasibility checks run on every create and
 * update and shown as {@code errors} by the reads. A rule with a {@code disable} key (whatever its value) takes no
 * part in the checks, as in PVE.
 */
public final class HaRules {
    public static final String NODE_AFFINITY = "node-affinity";
    public static final String RESOURCE_AFFINITY = "resource-affinity";
    private static final Map<String, Set<String>> OPTIONS = Map.of(
            NODE_AFFINITY, Set.of("resources", "nodes", "strict", "disable", "comment"),
            RESOURCE_AFFINITY, Set.of("resources", "affinity", "disable", "comment"));
    private static final Map<String, Set<String>> REQUIRED = Map.of(
            NODE_AFFINITY, Set.of("resources", "nodes"),
            RESOURCE_AFFINITY, Set.of("resources", "affinity"));

    private HaRules() {
    }

    /** @return whether PVE knows the rule type */
    public static boolean knownType(String type) {
        return OPTIONS.containsKey(type);
    }

    /** @return the options a rule of this type may carry */
    public static Set<String> options(String type) {
        return OPTIONS.getOrDefault(type, Set.of());
    }

    /**
     * {@code check_config}: the options of {@code params} this type knows, canonical.
     *
     * @return the options; @throws IllegalArgumentException with PVE's message ({@code unexpected property 'strict'},
     *     {@code missing value for required option 'nodes'})
     */
    public static Map<String, String> check(String type, Map<String, String> params, boolean create) {
        Map<String, String> out = new TreeMap<>();
        for (Map.Entry<String, String> e : params.entrySet()) {
            String k = e.getKey();
            if (k.equals("rule") || k.equals("type") || k.equals("digest") || k.equals("delete")) {
                continue;
            }
            if (!options(type).contains(k)) {
                throw new IllegalArgumentException("unexpected property '" + k + "'");
            }
            out.put(k, canonical(k, e.getValue()));
        }
        if (create) {
            for (String k : new TreeSet<>(REQUIRED.get(type))) {
                if (!out.containsKey(k)) {
                    throw new IllegalArgumentException("missing value for required option '" + k + "'");
                }
            }
        }
        return out;
    }

    /** @return {@code resources} sorted, {@code nodes} sorted by node name without {@code :0}, others as given */
    static String canonical(String key, String value) {
        if (key.equals("resources")) {
            return String.join(",", new TreeSet<>(split(value)));
        }
        if (key.equals("nodes")) {
            return String.join(",", nodes(value).entrySet().stream()
                    .map(e -> e.getValue() == 0 ? e.getKey() : e.getKey() + ":" + e.getValue()).toList());
        }
        return value;
    }

    /** @return the resources of a rule */
    public static List<String> resources(Map<String, String> rule) {
        return split(rule.getOrDefault("resources", ""));
    }

    /** @return node to priority */
    public static Map<String, Integer> nodes(String value) {
        Map<String, Integer> out = new TreeMap<>();
        for (String n : split(value)) {
            int colon = n.indexOf(':');
            out.put(colon < 0 ? n : n.substring(0, colon), colon < 0 ? 0 : Integer.parseInt(n.substring(colon + 1)));
        }
        return out;
    }

    private static List<String> split(String value) {
        List<String> out = new ArrayList<>();
        for (String s : value.split("[,;\\s]+")) {
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }

    /** @return the text of rules.cfg, whose SHA-1 is the {@code digest} */
    public static String render(Map<String, Map<String, String>> rules) {
        StringBuilder sb = new StringBuilder();
        rules.forEach((id, r) -> {
            sb.append(r.get("type")).append(": ").append(id).append('\n');
            r.forEach((k, v) -> {
                if (!k.equals("type")) {
                    sb.append('\t').append(k).append(' ').append(v).append('\n');
                }
            });
            sb.append('\n');
        });
        return sb.toString();
    }

    public static String digest(Map<String, Map<String, String>> rules) {
        return ConfigText.sha1(render(rules));
    }

    /** @return a rule as the API reads it: its options, {@code rule}, {@code digest}, {@code order}, {@code errors} */
    public static Map<String, Object> entry(Cluster c, String id, Map<String, List<String>> errors) {
        Map<String, String> r = c.haRules.get(id);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rule", id);
        m.put("type", r.get("type"));
        r.forEach((k, v) -> {
            if (!k.equals("type")) {
                m.put(k, k.equals("strict") || k.equals("disable") ? Integer.parseInt(v) : v);
            }
        });
        m.put("digest", digest(c.haRules));
        m.put("order", new ArrayList<>(c.haRules.keySet()).indexOf(id) + 1);
        if (errors.containsKey(id)) {
            Map<String, String> e = new TreeMap<>();
            e.put("resources", String.join(", ", errors.get(id)));
            m.put("errors", e);
        }
        return m;
    }

    /**
     * {@code check_feasibility}: the problems of the enabled rules, by rule (all blamed on {@code resources}, as PVE's
     * checks do).
     */
    public static Map<String, List<String>> feasibility(Map<String, Map<String, String>> rules, int nodeCount) {
        Map<String, List<String>> errors = new TreeMap<>();
        Map<String, Map<String, String>> node = new TreeMap<>();
        Map<String, Map<String, String>> positive = new TreeMap<>();
        Map<String, Map<String, String>> negative = new TreeMap<>();
        rules.forEach((id, r) -> {
            if (r.containsKey("disable")) {
                return;
            }
            if (NODE_AFFINITY.equals(r.get("type"))) {
                node.put(id, r);
            } else if ("positive".equals(r.get("affinity"))) {
                positive.put(id, r);
            } else {
                negative.put(id, r);
            }
        });
        Map<String, List<String>> usedBy = new TreeMap<>();
        node.forEach((id, r) -> resources(r).forEach(sid -> usedBy.computeIfAbsent(sid, k -> new ArrayList<>()).add(id)));
        usedBy.forEach((sid, ids) -> {
            if (ids.size() > 1) {
                ids.forEach(id -> add(errors, id, "resource '" + sid + "' is already used in another node affinity rule"));
            }
        });
        Map<String, Map<String, String>> affinity = new TreeMap<>(positive);
        affinity.putAll(negative);
        affinity.forEach((id, r) -> {
            if (resources(r).size() < 2) {
                add(errors, id, "rule is ineffective as there are less than two resources");
            }
        });
        negative.forEach((id, r) -> {
            if (resources(r).size() > nodeCount) {
                add(errors, id, "rule defines more resources than available nodes");
            }
        });
        positive.forEach((pid, p) -> negative.forEach((nid, n) -> {
            Set<String> common = new TreeSet<>(resources(p));
            common.retainAll(resources(n));
            if (common.size() >= 2) {
                add(errors, pid, "rule shares two or more resources with a negative resource affinity rule");
                add(errors, nid, "rule shares two or more resources with a positive resource affinity rule");
            }
        }));
        affinity.forEach((aid, a) -> {
            List<String> paired = new ArrayList<>();
            boolean multiple = false;
            for (Map.Entry<String, Map<String, String>> n : node.entrySet()) {
                Set<String> common = new TreeSet<>(resources(a));
                common.retainAll(resources(n.getValue()));
                if (!common.isEmpty()) {
                    paired.add(n.getKey());
                    multiple |= new TreeSet<>(nodes(n.getValue().getOrDefault("nodes", "")).values()).size() > 1;
                }
            }
            if (multiple) {
                add(errors, aid, "resources are in node affinity rules with multiple priorities");
                paired.forEach(id -> add(errors, id, "resources are in a resource affinity rule and cannot be in a node affinity rule with multiple priorities"));
            }
        });
        return errors;
    }

    private static void add(Map<String, List<String>> errors, String id, String message) {
        List<String> list = errors.computeIfAbsent(id, k -> new ArrayList<>());
        if (!list.contains(message)) {
            list.add(message);
        }
    }
}
