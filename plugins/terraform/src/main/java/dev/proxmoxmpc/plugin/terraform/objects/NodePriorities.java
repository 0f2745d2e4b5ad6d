package dev.proxmoxmpc.plugin.terraform.objects;

import dev.proxmoxmpc.plugin.terraform.hcl.HclValue;
import dev.proxmoxmpc.plugin.terraform.mapping.Unknown;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * PVE's node lists with optional priorities ({@code pve1:2,pve3}, HA rules and groups) as the provider's
 * {@code map(number)} attribute: {@code {pve1 = 2, pve3 = null}} (a node without priority is {@code null}, as bpg
 * writes it). PVE sorts the nodes by name and leaves out a priority of 0; reading back keeps the base's text when the
 * nodes and priorities are the same.
 */
final class NodePriorities {
    private static final HclValue.Expr NULL = new HclValue.Expr("null");

    private NodePriorities() {
    }

    /** @return the attribute value of {@code pve1:2,pve3} */
    static Map<String, Object> hcl(String nodes) {
        Map<String, Object> out = new TreeMap<>();
        parse(nodes).forEach((n, p) -> out.put(n, p == 0 ? NULL : (Object) Long.valueOf(p)));
        return out;
    }

    /**
     * @return PVE's text of the evaluated attribute ({@code ""} when absent), the base's text when it means the same,
     *     or {@code null} (and a problem) when it is not a map of numbers
     */
    static String pve(Object v, String base, String attribute, List<String> problems) {
        if (v == null) {
            return "";
        }
        if (!(v instanceof Map<?, ?> m)) {
            problems.add(attribute + " is not a map of node names to priorities (ignored)");
            return null;
        }
        Map<String, Long> nodes = new TreeMap<>();
        for (Map.Entry<?, ?> e : m.entrySet()) {
            Object p = e.getValue();
            if (p == null || p instanceof HclValue.Expr) {
                nodes.put(String.valueOf(e.getKey()), 0L);
            } else if (p instanceof Long l) {
                nodes.put(String.valueOf(e.getKey()), l);
            } else if (p instanceof BigDecimal d && d.stripTrailingZeros().scale() <= 0) {
                nodes.put(String.valueOf(e.getKey()), d.longValue());
            } else {
                problems.add(attribute + "." + e.getKey() + " is not a whole number (ignored)");
                return null;
            }
        }
        if (!base.isEmpty() && parse(base).equals(nodes)) {
            return base;
        }
        List<String> parts = new ArrayList<>();
        nodes.forEach((n, p) -> parts.add(p == 0 ? n : n + ":" + p));
        return String.join(",", parts);
    }

    /** @return node to priority (0 when none), by node name */
    static Map<String, Long> parse(String nodes) {
        Map<String, Long> out = new TreeMap<>();
        for (String part : nodes.split("[,;\\s]+")) {
            if (part.isEmpty()) {
                continue;
            }
            int colon = part.indexOf(':');
            try {
                out.put(colon < 0 ? part : part.substring(0, colon), colon < 0 ? 0L : Long.parseLong(part.substring(colon + 1)));
            } catch (NumberFormatException e) {
                out.put(part, 0L);
            }
        }
        return out;
    }

    /** Reads a node map attribute of {@code r} over {@code config}: absent removes the key, unknown keeps it. */
    static void read(Object v, Map<String, String> config, String key, String attribute, List<String> problems) {
        if (v == Unknown.VALUE) {
            return;
        }
        String text = pve(v, config.getOrDefault(key, ""), attribute, problems);
        if (text == null) {
            return;
        }
        if (text.isEmpty()) {
            config.remove(key);
        } else {
            config.put(key, text);
        }
    }
}
