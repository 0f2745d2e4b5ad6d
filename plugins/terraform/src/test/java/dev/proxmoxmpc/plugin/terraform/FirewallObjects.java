package dev.proxmoxmpc.plugin.terraform;

import dev.proxmoxmpc.spi.model.ClusterObject;
import dev.proxmoxmpc.spi.model.Inventory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A realistic firewall over the demo fixture's guests (as the provider reads the simulator's demo), plus edge cases. */
final class FirewallObjects {
    private FirewallObjects() {}

    static Inventory demo() {
        Inventory base = Inventories.load("fixtures/demo.json");
        List<ClusterObject> objects = new ArrayList<>(base.objects());
        objects.addAll(objects());
        return base.withObjects(objects);
    }

    static List<ClusterObject> objects() {
        return List.of(
                new ClusterObject("firewall-options", "", "", Map.of("enable", "1", "policy_in", "DROP", "policy_out", "ACCEPT",
                        "log_ratelimit", "enable=1,burst=10,rate=2/second")),
                new ClusterObject("firewall-alias", "", "mgmt-net", Map.of("cidr", "10.0.0.0/28", "comment", "Admin workstations")),
                new ClusterObject("firewall-alias", "", "monitoring", Map.of("cidr", "10.0.0.107")),
                new ClusterObject("firewall-ipset", "", "dns-servers", Map.of("comment", "Internal resolvers", "cidr.0", "10.0.0.53",
                        "cidr.0.comment", "dns-01", "cidr.1", "10.0.0.54", "cidr.2", "10.0.0.55", "cidr.2.nomatch", "1")),
                new ClusterObject("firewall-group", "", "webservers", rules(Map.of("comment", "Public web traffic"),
                        rule("in", "ACCEPT", "macro", "HTTP", "comment", "Plain HTTP"), rule("in", "ACCEPT", "macro", "HTTPS"))),
                new ClusterObject("firewall-rules", "", "", rules(Map.of(),
                        rule("in", "ACCEPT", "macro", "SSH", "source", "mgmt-net", "comment", "SSH from the management network"),
                        rule("in", "ACCEPT", "proto", "tcp", "dport", "8006", "source", "mgmt-net"),
                        rule("in", "ACCEPT", "proto", "icmp", "icmp-type", "echo-request"),
                        rule("out", "DROP", "dest", "+dns-servers", "proto", "udp", "dport", "53", "log", "info", "enable", "0"))),
                new ClusterObject("firewall-options", "node/pve1", "", Map.of("enable", "1", "nftables", "1")),
                new ClusterObject("firewall-rules", "node/pve2", "", rules(Map.of(), rule("in", "ACCEPT", "proto", "tcp", "dport", "9100"))),
                new ClusterObject("firewall-options", "vm/101", "", Map.of("enable", "1", "policy_in", "DROP", "macfilter", "0")),
                new ClusterObject("firewall-rules", "vm/101", "", rules(Map.of(), rule("group", "webservers", "comment", "Web server"),
                        rule("in", "ACCEPT", "macro", "SSH", "source", "mgmt-net"))),
                new ClusterObject("firewall-options", "ct/202", "", Map.of("enable", "1")),
                new ClusterObject("firewall-alias", "ct/202", "upstream-web", Map.of("cidr", "10.0.0.100/30")),
                new ClusterObject("firewall-ipset", "ct/202", "backends", Map.of("cidr.0", "10.0.0.101", "cidr.1", "10.0.0.102")),
                new ClusterObject("firewall-rules", "ct/202", "", rules(Map.of(), rule("group", "webservers"),
                        rule("out", "ACCEPT", "proto", "tcp", "dport", "80,443", "dest", "upstream-web"))));
    }

    /** @return a rule as the provider reads it: type, action, enable 1 unless given, and the other keys */
    static Map<String, String> rule(String type, String action, String... kv) {
        Map<String, String> r = new TreeMap<>(Map.of("type", type, "action", action, "enable", "1"));
        for (int i = 0; i < kv.length; i += 2) {
            r.put(kv[i], kv[i + 1]);
        }
        return r;
    }

    @SafeVarargs
    static Map<String, String> rules(Map<String, String> head, Map<String, String>... rules) {
        Map<String, String> out = new TreeMap<>(head);
        for (int i = 0; i < rules.length; i++) {
            int pos = i;
            rules[i].forEach((k, v) -> out.put("rule." + pos + "." + k, v));
        }
        return out;
    }
}
