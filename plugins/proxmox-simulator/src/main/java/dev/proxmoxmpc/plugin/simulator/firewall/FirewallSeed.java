package dev.proxmoxmpc.plugin.simulator.firewall;

import dev.proxmoxmpc.plugin.simulator.firewall.FirewallConf.Group;
import dev.proxmoxmpc.plugin.simulator.firewall.FirewallConf.IpSet;
import dev.proxmoxmpc.plugin.simulator.state.Guest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The scenario's {@code firewall:} section: {@code options}, {@code aliases} ({@code name}, {@code cidr},
 * {@code comment}), {@code ipsets} ({@code name}, {@code comment}, {@code entries} of {@code cidr}, {@code comment},
 * {@code nomatch}), {@code groups} ({@code group}, {@code comment}, {@code rules}) and {@code rules} of the cluster;
 * {@code nodes: {<node>: {options, rules}}} and {@code guests: {<vmid>: {options, rules, aliases, ipsets}}}. Rules
 * are listed in position order with PVE's rule keys ({@code type}, {@code action}, {@code macro}, {@code dport}...).
 */
final class FirewallSeed {
    private FirewallSeed() {
    }

    static void seed(FirewallApi api, Map<String, Object> seed) {
        fill(api.clusterConf(), seed, "firewall");
        for (Map<String, Object> g : maps(seed.get("groups"))) {
            Group group = new Group();
            group.comment = str(g.getOrDefault("comment", ""));
            rules(group.rules, g.get("rules"));
            api.clusterConf().groups.put(str(g.get("group")), group);
        }
        map(seed.get("nodes")).forEach((node, spec) -> fill(api.nodeConf(node), map(spec), "firewall.nodes." + node));
        map(seed.get("guests")).forEach((vmid, spec) -> {
            Guest g = api.guest(Integer.parseInt(vmid));
            if (g == null) {
                throw new IllegalArgumentException("firewall.guests: no guest " + vmid + " in the scenario");
            }
            fill(api.guestConf(g), map(spec), "firewall.guests." + vmid);
        });
    }

    private static void fill(FirewallConf c, Map<String, Object> spec, String where) {
        map(spec.get("options")).forEach((k, v) -> c.options.put(k, str(v)));
        rules(c.rules, spec.get("rules"));
        for (Map<String, Object> a : maps(spec.get("aliases"))) {
            Map<String, String> alias = new LinkedHashMap<>();
            alias.put("name", str(a.get("name")));
            alias.put("cidr", str(a.get("cidr")));
            if (a.get("comment") != null) {
                alias.put("comment", str(a.get("comment")));
            }
            c.aliases.put(alias.get("name").toLowerCase(Locale.ROOT), alias);
        }
        for (Map<String, Object> s : maps(spec.get("ipsets"))) {
            IpSet set = new IpSet();
            set.comment = str(s.getOrDefault("comment", ""));
            for (Map<String, Object> e : maps(s.get("entries"))) {
                Map<String, String> entry = new LinkedHashMap<>();
                entry.put("cidr", str(e.get("cidr")));
                if (e.get("comment") != null) {
                    entry.put("comment", str(e.get("comment")));
                }
                if (e.get("nomatch") != null && !str(e.get("nomatch")).equals("0")) {
                    entry.put("nomatch", "1");
                }
                set.entries.add(entry);
            }
            c.ipsets.put(str(s.get("name")), set);
        }
        if (spec.get("name") != null) {
            throw new IllegalArgumentException(where + ": unexpected key 'name'");
        }
    }

    private static void rules(List<Map<String, String>> into, Object list) {
        for (Map<String, Object> r : maps(list)) {
            Map<String, String> rule = new LinkedHashMap<>();
            for (String k : FirewallApi.RULE_KEYS) {
                if (r.get(k) != null) {
                    rule.put(k, str(r.get(k)));
                }
            }
            rule.putIfAbsent("enable", "1");
            for (String k : r.keySet()) {
                if (!FirewallApi.RULE_KEYS.contains(k)) {
                    throw new IllegalArgumentException("firewall rule: unknown key '" + k + "'");
                }
            }
            into.add(rule);
        }
    }

    private static String str(Object o) {
        return o instanceof Boolean b ? (b ? "1" : "0") : String.valueOf(o);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        if (o == null) {
            return Map.of();
        }
        Map<String, Object> out = new LinkedHashMap<>();
        ((Map<Object, Object>) o).forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> maps(Object o) {
        return o == null ? List.of() : ((List<Object>) o).stream().map(FirewallSeed::map).toList();
    }
}
