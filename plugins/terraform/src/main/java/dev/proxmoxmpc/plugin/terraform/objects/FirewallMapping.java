package dev.proxmoxmpc.plugin.terraform.objects;

import dev.proxmoxmpc.plugin.terraform.hcl.HclBlock;
import dev.proxmoxmpc.plugin.terraform.mapping.Unknown;
import dev.proxmoxmpc.spi.model.ClusterObject;
import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.Inventory;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The firewall as bpg's SDKv2 resources (long names only): cluster options as
 * {@code proxmox_virtual_environment_cluster_firewall}, guest options as {@code ..._firewall_options}, the rules of
 * the cluster, a node or a guest as {@code ..._firewall_rules} ({@code rule {}} blocks in position order, a security
 * group as {@code rule { security_group = ... }}), aliases as {@code ..._firewall_alias}, IP sets as
 * {@code ..._firewall_ipset} ({@code cidr {}} blocks), security groups as
 * {@code ..._cluster_firewall_security_group}. Node firewall options have no bpg resource (0.111.1): they stay in
 * proxmox-mpc's state and this file never removes them. Keys a resource has no attribute for (a rule's
 * {@code icmp-type}, options such as {@code log_level_forward}) stay in state and are named in a comment.
 */
final class FirewallMapping implements ObjectMapping {
    static final String PREFIX = "proxmox_virtual_environment_";
    static final String CLUSTER = PREFIX + "cluster_firewall";
    static final String OPTIONS = PREFIX + "firewall_options";
    static final String RULES = PREFIX + "firewall_rules";
    static final String ALIAS = PREFIX + "firewall_alias";
    static final String IPSET = PREFIX + "firewall_ipset";
    static final String GROUP = PREFIX + "cluster_firewall_security_group";

    private static final FlatAttributes CLUSTER_ATTRS = FlatAttributes.builder()
            .bool("enable", "enabled")
            .bool("ebtables", "ebtables")
            .string("policy_in", "input_policy")
            .string("policy_out", "output_policy")
            .string("policy_forward", "forward_policy")
            .build();
    private static final FlatAttributes GUEST_ATTRS = FlatAttributes.builder()
            .bool("enable", "enabled")
            .bool("dhcp", "dhcp")
            .bool("ipfilter", "ipfilter")
            .bool("macfilter", "macfilter")
            .bool("ndp", "ndp")
            .bool("radv", "radv")
            .string("policy_in", "input_policy")
            .string("policy_out", "output_policy")
            .string("log_level_in", "log_level_in")
            .string("log_level_out", "log_level_out")
            .build();
    /** Rule keys written as string attributes of the same name (type and action are handled with security_group). */
    private static final List<String> RULE_STRINGS = List.of("macro", "iface", "source", "dest", "proto", "dport", "sport",
            "log", "comment");
    private static final Set<String> RULE_MAPPED = Set.of("type", "action", "enable", "macro", "iface", "source", "dest",
            "proto", "dport", "sport", "log", "comment");
    private static final Set<String> SELECTORS = Set.of("node_name", "vm_id", "container_id");

    @Override
    public Set<String> kinds() {
        return Set.of("firewall-options", "firewall-rules", "firewall-alias", "firewall-ipset", "firewall-group");
    }

    @Override
    public String file() {
        return "firewall.tf";
    }

    @Override
    public String title() {
        return "The PVE firewall: cluster options, aliases, IP sets, security groups and the rules of the cluster, nodes and guests.";
    }

    @Override
    public Set<String> types() {
        return Set.of(CLUSTER, OPTIONS, RULES, ALIAS, IPSET, GROUP);
    }

    /** Node options have no resource: the file neither shows nor removes them. */
    @Override
    public boolean owns(ClusterObject o) {
        return kinds().contains(o.kind()) && !(o.kind().equals("firewall-options") && o.scope().startsWith("node/"));
    }

    @Override
    public List<Mapped> toHcl(List<ClusterObject> objects, Inventory desired, Names names) {
        List<ClusterObject> sorted = new ArrayList<>(objects);
        List<String> order = List.of("firewall-options", "firewall-alias", "firewall-ipset", "firewall-group", "firewall-rules");
        sorted.sort(Comparator.comparing((ClusterObject o) -> scopeRank(o.scope())).thenComparing(o -> scopeId(o.scope()))
                .thenComparing(o -> order.indexOf(o.kind())).thenComparing(ClusterObject::id));
        List<Mapped> out = new ArrayList<>();
        for (ClusterObject o : sorted) {
            Optional<Mapped> m = switch (o.kind()) {
                case "firewall-options" -> options(o, desired, names);
                case "firewall-rules" -> rules(o, desired, names);
                case "firewall-alias" -> alias(o, desired, names);
                case "firewall-ipset" -> ipset(o, desired, names);
                case "firewall-group" -> Optional.of(group(o, names));
                default -> Optional.empty();
            };
            m.ifPresent(out::add);
        }
        return out;
    }

    private static int scopeRank(String scope) {
        return scope.isEmpty() ? 0 : scope.startsWith("node/") ? 1 : 2;
    }

    private static long scopeId(String scope) {
        return scope.startsWith("vm/") || scope.startsWith("ct/") ? Long.parseLong(scope.substring(3)) : 0;
    }

    private static String label(String scope) {
        return scope.isEmpty() ? "cluster" : scope.replace('/', '_');
    }

    /** @return the node a guest scope's guest is on, or empty (not a guest scope, or no such guest) */
    private static Optional<String> nodeOf(String scope, Inventory desired) {
        if (!scope.startsWith("vm/") && !scope.startsWith("ct/")) {
            return Optional.empty();
        }
        return desired.guest(Integer.parseInt(scope.substring(3))).map(Guest::node);
    }

    /** Adds node_name / vm_id / container_id for the scope; @return the import id's scope part, or null if unknown. */
    private static String selectors(HclBlock r, String scope, Inventory desired) {
        if (scope.isEmpty()) {
            return "cluster";
        }
        if (scope.startsWith("node/")) {
            r.attr("node_name", scope.substring(5));
            return scope;
        }
        Optional<String> node = nodeOf(scope, desired);
        if (node.isEmpty()) {
            return null;
        }
        r.attr("node_name", node.get());
        boolean vm = scope.startsWith("vm/");
        r.attr(vm ? "vm_id" : "container_id", new BigDecimal(scope.substring(3)));
        return (vm ? "vm/" : "container/") + node.get() + "/" + scope.substring(3);
    }

    private static List<String> unmapped(String what, Set<String> keys) {
        return keys.isEmpty() ? List.of() : List.of(what + ": " + String.join(", ", keys) + " not in the provider's schema; kept in proxmox-mpc's state");
    }

    private Optional<Mapped> options(ClusterObject o, Inventory desired, Names names) {
        if (o.scope().startsWith("node/")) {
            return Optional.empty();
        }
        if (o.scope().isEmpty()) {
            HclBlock r = new HclBlock("resource", CLUSTER, names.of("cluster", "cluster"));
            CLUSTER_ATTRS.write(r, o.config());
            Set<String> rest = new LinkedHashSet<>(CLUSTER_ATTRS.unmapped(o.config()));
            String limit = o.value("log_ratelimit");
            if (!limit.isEmpty()) {
                rest.remove("log_ratelimit");
                HclBlock b = r.block("log_ratelimit");
                Map<String, String> parts = ratelimit(limit);
                b.attr("enabled", !parts.getOrDefault("enable", "1").equals("0"));
                if (parts.containsKey("burst")) {
                    b.attr("burst", new BigDecimal(parts.get("burst")));
                }
                if (parts.containsKey("rate")) {
                    b.attr("rate", parts.get("rate"));
                }
            }
            return Optional.of(new Mapped(r, "cluster", unmapped("cluster firewall options", rest)));
        }
        HclBlock r = new HclBlock("resource", OPTIONS, names.of(label(o.scope()), "options"));
        String id = selectors(r, o.scope(), desired);
        if (id == null) {
            return Optional.empty();
        }
        GUEST_ATTRS.write(r, o.config());
        return Optional.of(new Mapped(r, id, unmapped("firewall options of " + o.scope(), GUEST_ATTRS.unmapped(o.config()))));
    }

    /** @return PVE's {@code enable=1,burst=5,rate=1/second} (the first part may omit {@code enable=}) */
    private static Map<String, String> ratelimit(String v) {
        Map<String, String> out = new TreeMap<>();
        for (String part : v.split(",")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                out.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
            } else if (!part.isBlank()) {
                out.put("enable", part.trim());
            }
        }
        return out;
    }

    private Optional<Mapped> rules(ClusterObject o, Inventory desired, Names names) {
        HclBlock r = new HclBlock("resource", RULES, names.of(label(o.scope()) + "_rules", "rules"));
        String id = selectors(r, o.scope(), desired);
        if (id == null) {
            return Optional.empty();
        }
        Set<String> rest = writeRules(r, o.config(), true);
        return Optional.of(new Mapped(r, id, unmapped("firewall rules of " + (o.scope().isEmpty() ? "the cluster" : o.scope()), rest)));
    }

    /** @return the rule keys left out (not in the provider's schema) */
    private static Set<String> writeRules(HclBlock r, Map<String, String> config, boolean groups) {
        Set<String> rest = new LinkedHashSet<>();
        for (Map<String, String> rule : rules(config)) {
            HclBlock b = r.block("rule");
            if (groups && rule.getOrDefault("type", "").equals("group")) {
                b.attr("security_group", rule.getOrDefault("action", ""));
            } else {
                b.attr("type", rule.get("type"));
                b.attr("action", rule.get("action"));
            }
            for (String k : RULE_STRINGS) {
                String v = rule.getOrDefault(k, "");
                if (!v.isEmpty()) {
                    b.attr(k, v);
                }
            }
            if (rule.getOrDefault("enable", "1").equals("0")) {
                b.attr("enabled", false);
            }
            rule.keySet().stream().filter(k -> !RULE_MAPPED.contains(k)).forEach(rest::add);
        }
        return rest;
    }

    /** @return the rules of a flattened object, in position order, each key -> value */
    static List<Map<String, String>> rules(Map<String, String> config) {
        TreeMap<Integer, Map<String, String>> byPos = new TreeMap<>();
        config.forEach((k, v) -> {
            if (k.startsWith("rule.")) {
                int dot = k.indexOf('.', 5);
                if (dot > 5) {
                    try {
                        byPos.computeIfAbsent(Integer.parseInt(k.substring(5, dot)), x -> new LinkedHashMap<>()).put(k.substring(dot + 1), v);
                    } catch (NumberFormatException e) {
                        // not a rule key
                    }
                }
            }
        });
        return new ArrayList<>(byPos.values());
    }

    private Optional<Mapped> alias(ClusterObject o, Inventory desired, Names names) {
        HclBlock r = new HclBlock("resource", ALIAS, names.of(label(o.scope()) + "_" + o.id(), "alias"));
        if (selectors(r, o.scope(), desired) == null) {
            return Optional.empty();
        }
        r.attr("name", o.id());
        r.attr("cidr", o.value("cidr"));
        if (!o.value("comment").isEmpty()) {
            r.attr("comment", o.value("comment"));
        }
        return Optional.of(new Mapped(r, null, List.of("alias " + o.id() + ": bpg's firewall_alias cannot be imported;"
                + " proxmox-mpc applies it (terraform apply would try to create it again)")));
    }

    private Optional<Mapped> ipset(ClusterObject o, Inventory desired, Names names) {
        HclBlock r = new HclBlock("resource", IPSET, names.of(label(o.scope()) + "_" + o.id(), "ipset"));
        String scope = selectors(r, o.scope(), desired);
        if (scope == null) {
            return Optional.empty();
        }
        r.attr("name", o.id());
        if (!o.value("comment").isEmpty()) {
            r.attr("comment", o.value("comment"));
        }
        for (int i = 0; o.config().containsKey("cidr." + i); i++) {
            HclBlock c = r.block("cidr");
            c.attr("name", o.value("cidr." + i));
            if (!o.value("cidr." + i + ".comment").isEmpty()) {
                c.attr("comment", o.value("cidr." + i + ".comment"));
            }
            if (o.value("cidr." + i + ".nomatch").equals("1")) {
                c.attr("nomatch", true);
            }
        }
        return Optional.of(new Mapped(r, scope + "/" + o.id()));
    }

    private Mapped group(ClusterObject o, Names names) {
        HclBlock r = new HclBlock("resource", GROUP, names.of(o.id(), "group"));
        r.attr("name", o.id());
        if (!o.value("comment").isEmpty()) {
            r.attr("comment", o.value("comment"));
        }
        Set<String> rest = writeRules(r, o.config(), false);
        return new Mapped(r, o.id(), unmapped("security group " + o.id(), rest));
    }

    // ---- reading back

    @Override
    public Map<String, Set<String>> known(String type) {
        Set<String> rule = Set.of("type", "action", "security_group", "enabled", "macro", "iface", "source", "dest", "proto",
                "dport", "sport", "log", "comment", "pos");
        return switch (type) {
            case CLUSTER -> Map.of("", with(CLUSTER_ATTRS.names(), "log_ratelimit"), "log_ratelimit", Set.of("enabled", "burst", "rate"));
            case OPTIONS -> Map.of("", with(GUEST_ATTRS.names(), "node_name", "vm_id", "container_id"));
            case RULES -> Map.of("", Set.of("node_name", "vm_id", "container_id", "rule"), "rule", rule);
            case GROUP -> Map.of("", Set.of("name", "comment", "rule"), "rule", rule);
            case ALIAS -> Map.of("", Set.of("node_name", "vm_id", "container_id", "name", "cidr", "comment"));
            case IPSET -> Map.of("", Set.of("node_name", "vm_id", "container_id", "name", "comment", "cidr"),
                    "cidr", Set.of("name", "comment", "nomatch"));
            default -> Map.of();
        };
    }

    private static Set<String> with(Set<String> names, String... more) {
        Set<String> out = new LinkedHashSet<>(names);
        out.addAll(List.of(more));
        return out;
    }

    @Override
    public Optional<ClusterObject> read(String type, HclBlock r, Inventory base, List<String> problems) {
        String scope = scope(r, problems);
        if (scope == null) {
            return Optional.empty();
        }
        switch (type) {
            case CLUSTER -> {
                Map<String, String> had = base.object("firewall-options", "", "").map(ClusterObject::config).orElse(Map.of());
                Map<String, String> c = CLUSTER_ATTRS.read(r, had, problems);
                List<HclBlock> limit = r.blocks("log_ratelimit");
                if (limit.isEmpty()) {
                    c.remove("log_ratelimit");
                } else {
                    HclBlock b = limit.get(0);
                    Map<String, String> old = ratelimit(had.getOrDefault("log_ratelimit", ""));
                    Map<String, String> now = new TreeMap<>();
                    now.put("enable", b.get("enabled") instanceof Boolean e ? (e ? "1" : "0") : old.getOrDefault("enable", "1"));
                    text(b.get("burst")).or(() -> Optional.ofNullable(b.get("burst") == Unknown.VALUE ? old.get("burst") : null))
                            .ifPresent(v -> now.put("burst", v));
                    text(b.get("rate")).or(() -> Optional.ofNullable(b.get("rate") == Unknown.VALUE ? old.get("rate") : null))
                            .ifPresent(v -> now.put("rate", v));
                    c.put("log_ratelimit", now.equals(old) ? had.get("log_ratelimit") : join(now));
                }
                return Optional.of(new ClusterObject("firewall-options", "", "", c));
            }
            case OPTIONS -> {
                if (!scope.startsWith("vm/") && !scope.startsWith("ct/")) {
                    problems.add("vm_id or container_id must be given; the options are not imported");
                    return Optional.empty();
                }
                Map<String, String> had = base.object("firewall-options", scope, "").map(ClusterObject::config).orElse(Map.of());
                return Optional.of(new ClusterObject("firewall-options", scope, "", GUEST_ATTRS.read(r, had, problems)));
            }
            case RULES -> {
                Map<String, String> had = base.object("firewall-rules", scope, "").map(ClusterObject::config).orElse(Map.of());
                return Optional.of(new ClusterObject("firewall-rules", scope, "", readRules(r, had, new TreeMap<>(), problems)));
            }
            case GROUP -> {
                Optional<String> name = text(r.get("name"));
                if (name.isEmpty()) {
                    problems.add("name must be a known string; the security group is not imported");
                    return Optional.empty();
                }
                Map<String, String> had = base.object("firewall-group", "", name.get()).map(ClusterObject::config).orElse(Map.of());
                Map<String, String> head = new TreeMap<>();
                comment(r, had, head);
                return Optional.of(new ClusterObject("firewall-group", "", name.get(), readRules(r, had, head, problems)));
            }
            case ALIAS -> {
                Optional<String> name = text(r.get("name"));
                if (name.isEmpty()) {
                    problems.add("name must be a known string; the alias is not imported");
                    return Optional.empty();
                }
                Map<String, String> had = base.object("firewall-alias", scope, name.get()).map(ClusterObject::config).orElse(Map.of());
                Map<String, String> c = new TreeMap<>();
                Object cidr = r.get("cidr");
                text(cidr).or(() -> Optional.ofNullable(cidr == Unknown.VALUE ? had.get("cidr") : null)).ifPresent(v -> c.put("cidr", v));
                comment(r, had, c);
                return Optional.of(new ClusterObject("firewall-alias", scope, name.get(), c));
            }
            case IPSET -> {
                Optional<String> name = text(r.get("name"));
                if (name.isEmpty()) {
                    problems.add("name must be a known string; the IP set is not imported");
                    return Optional.empty();
                }
                Map<String, String> had = base.object("firewall-ipset", scope, name.get()).map(ClusterObject::config).orElse(Map.of());
                Map<String, String> c = new TreeMap<>();
                comment(r, had, c);
                List<String[]> entries = new ArrayList<>();
                for (HclBlock e : r.blocks("cidr")) {
                    Optional<String> cidr = text(e.get("name"));
                    if (cidr.isEmpty()) {
                        problems.add("cidr.name must be a known string (entry ignored)");
                        continue;
                    }
                    entries.add(new String[] {cidr.get(), text(e.get("comment")).orElse(""),
                            e.get("nomatch") instanceof Boolean b && b ? "1" : ""});
                }
                entries.sort(Comparator.comparing((String[] e) -> e[0]));
                for (int i = 0; i < entries.size(); i++) {
                    String[] e = entries.get(i);
                    c.put("cidr." + i, e[0]);
                    if (!e[1].isEmpty()) {
                        c.put("cidr." + i + ".comment", e[1]);
                    }
                    if (!e[2].isEmpty()) {
                        c.put("cidr." + i + ".nomatch", e[2]);
                    }
                }
                return Optional.of(new ClusterObject("firewall-ipset", scope, name.get(), c));
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    private static void comment(HclBlock r, Map<String, String> had, Map<String, String> into) {
        Object v = r.get("comment");
        if (v == Unknown.VALUE) {
            if (had.containsKey("comment")) {
                into.put("comment", had.get("comment"));
            }
            return;
        }
        text(v).filter(s -> !s.isEmpty()).ifPresent(s -> into.put("comment", s));
    }

    /** @return the object scope the selectors name, or null (a problem added) */
    private static String scope(HclBlock r, List<String> problems) {
        Object node = r.get("node_name");
        Object vm = r.get("vm_id");
        Object ct = r.get("container_id");
        if (node == Unknown.VALUE || vm == Unknown.VALUE || ct == Unknown.VALUE) {
            problems.add("node_name, vm_id and container_id must be known values; the block is not imported");
            return null;
        }
        if (vm != null) {
            return "vm/" + text(vm).orElse("");
        }
        if (ct != null) {
            return "ct/" + text(ct).orElse("");
        }
        if (node != null) {
            return "node/" + text(node).orElse("");
        }
        return "";
    }

    private static Map<String, String> readRules(HclBlock r, Map<String, String> had, Map<String, String> head, List<String> problems) {
        Map<String, String> out = new TreeMap<>(head);
        List<Map<String, String>> before = rules(had);
        List<HclBlock> blocks = r.blocks("rule");
        for (int i = 0; i < blocks.size(); i++) {
            HclBlock b = blocks.get(i);
            Map<String, String> old = i < before.size() ? before.get(i) : Map.of();
            Map<String, String> rule = new LinkedHashMap<>();
            Optional<String> group = text(b.get("security_group")).filter(s -> !s.isEmpty());
            if (group.isPresent()) {
                rule.put("type", "group");
                rule.put("action", group.get());
            } else {
                for (String k : List.of("type", "action")) {
                    value(b, k, old).ifPresent(v -> rule.put(k, v));
                }
                if (!rule.containsKey("type") || !rule.containsKey("action")) {
                    problems.add("rule " + i + ": needs type and action, or security_group");
                }
            }
            for (String k : RULE_STRINGS) {
                value(b, k, old).ifPresent(v -> rule.put(k, v));
            }
            Object enabled = b.get("enabled");
            if (enabled instanceof Boolean e) {
                rule.put("enable", e ? "1" : "0");
            } else if (enabled == Unknown.VALUE || (enabled == null && i < before.size() && !old.containsKey("enable"))) {
                if (old.containsKey("enable")) {
                    rule.put("enable", old.get("enable"));
                }
            } else {
                rule.put("enable", "1");
            }
            old.forEach((k, v) -> {
                if (!RULE_MAPPED.contains(k)) {
                    rule.put(k, v); // not in the provider's schema (icmp-type): kept from state
                }
            });
            int pos = i;
            rule.forEach((k, v) -> out.put("rule." + pos + "." + k, v));
        }
        return out;
    }

    private static Optional<String> value(HclBlock b, String key, Map<String, String> old) {
        Object v = b.get(key);
        if (v == Unknown.VALUE) {
            return Optional.ofNullable(old.get(key));
        }
        return text(v).filter(s -> !s.isEmpty());
    }

    private static Optional<String> text(Object v) {
        if (v instanceof String s) {
            return Optional.of(s);
        }
        if (v instanceof Long || v instanceof BigDecimal) {
            return Optional.of(v instanceof BigDecimal d ? d.toPlainString() : v.toString());
        }
        return Optional.empty();
    }

    private static String join(Map<String, String> parts) {
        List<String> out = new ArrayList<>();
        parts.forEach((k, v) -> out.add(k + "=" + v));
        return String.join(",", out);
    }
}
