package dev.proxmoxmpc.plugin.simulator.network;

import static dev.proxmoxmpc.plugin.simulator.network.InterfacesConfig.list;
import static dev.proxmoxmpc.plugin.simulator.network.InterfacesConfig.text;
import static dev.proxmoxmpc.plugin.simulator.network.InterfacesConfig.truthy;

import dev.proxmoxmpc.plugin.simulator.state.NodeNetwork;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A node's network files as the API sees them: every read parses the staged {@code interfaces.new} when there is
 * one, every write stages the whole file again, {@code changes} is the diff between the two; the reload renames the
 * staged file over the running one at once, and its task then brings the {@code auto} interfaces (and their ports) up.
 */
public final class NodeInterfaces {
    static final String FILE = "/etc/network/interfaces";

    private NodeInterfaces() {
    }

    /** @return the configuration the API reads (staged changes included). */
    public static InterfacesConfig read(NodeNetwork n) {
        return InterfacesParser.parse(n.current(), n.nics, n.up);
    }

    /** Writes the configuration to {@code interfaces.new}; throws pve-common's 500 when it is inconsistent. */
    public static void write(NodeNetwork n, InterfacesConfig c) {
        n.stage(InterfacesWriter.render(c));
    }

    /** @return {@code diff -u} of the running and the staged file, or {@code null} when nothing differs. */
    public static String changes(NodeNetwork n) {
        return n.pending() == null ? null
                : UnifiedDiff.diff(FILE, n.runningTime(), n.running(), FILE + ".new", n.pendingTime(), n.pending());
    }

    /** @return the interfaces as {@code GET /nodes/{node}/network} lists them: without {@code lo}, each with its name, by priority. */
    public static List<Map<String, Object>> rows(InterfacesConfig c) {
        List<Map<String, Object>> out = new ArrayList<>();
        c.ifaces.forEach((name, d) -> {
            if (!name.equals("lo")) {
                Map<String, Object> row = new LinkedHashMap<>(d);
                row.put("iface", name);
                out.add(row);
            }
        });
        out.sort(Comparator.comparingInt(r -> r.get("priority") instanceof Integer i ? i : Integer.MAX_VALUE));
        return out;
    }

    /** What {@code ifreload -a} does at the end of the reload task: the running file's interfaces come up. */
    public static void bringUp(NodeNetwork n) {
        InterfacesConfig c = InterfacesParser.parse(n.running(), n.nics, Set.of());
        Set<String> up = new TreeSet<>(n.up);
        up.retainAll(n.nics);
        c.ifaces.forEach((name, d) -> {
            if (truthy(d, "autostart")) {
                up.add(name);
                up.addAll(list(d, "bridge_ports"));
                up.addAll(list(d, "slaves"));
                if (text(d, "type").equals("vlan")) {
                    up.add(text(d, "vlan-raw-device"));
                }
            }
        });
        n.up.clear();
        n.up.addAll(up);
    }

    /**
     * Writes a scenario's interfaces as the running file: {@code type} defaults to {@code eth} (a physical NIC),
     * {@code autostart} to 1 for all but NICs, {@code active} to 1; {@code cidr} gives address and mask.
     *
     * @throws IllegalArgumentException when pve-common would refuse the configuration
     */
    public static void seed(NodeNetwork n, String node, List<Map<String, Object>> interfaces) {
        InterfacesConfig c = new InterfacesConfig();
        c.ifaces.put("lo", new LinkedHashMap<>(Map.of("type", "loopback", "method", "loopback", "autostart", 1,
                "families", List.of("inet"))));
        for (Map<String, Object> spec : interfaces) {
            Object name = spec.get("iface");
            if (name == null) {
                throw new IllegalArgumentException("scenario: missing interface iface on node " + node);
            }
            c.ifaces.put(String.valueOf(name), stanza(spec));
            if (text(c.get(String.valueOf(name)), "type").equals("eth")) {
                n.nics.add(String.valueOf(name));
            }
            if (!"0".equals(String.valueOf(spec.getOrDefault("active", 1)))) {
                n.up.add(String.valueOf(name));
            }
        }
        c.options.add("source /etc/network/interfaces.d/*");
        try {
            n.seed(InterfacesWriter.render(c));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("scenario: interfaces of node " + node + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, Object> stanza(Map<String, Object> spec) {
        Map<String, Object> d = new LinkedHashMap<>();
        spec.forEach((k, v) -> {
            if (v != null && !Set.of("iface", "active", "exists", "priority").contains(k)) {
                d.put(k, v instanceof List<?> ? v : String.valueOf(v));
            }
        });
        d.putIfAbsent("type", "eth");
        for (String six : new String[] {"", "6"}) {
            Object cidr = d.remove("cidr" + six);
            if (cidr != null) {
                String value = String.valueOf(cidr);
                d.put("address" + six, value.substring(0, value.lastIndexOf('/')));
                d.put("netmask" + six, value.substring(value.lastIndexOf('/') + 1));
            }
            d.putIfAbsent("method" + six, truthy(d, "address" + six) ? "static" : "manual");
        }
        if (!text(d, "type").equals("eth")) {
            d.putIfAbsent("autostart", "1");
        }
        d.putIfAbsent("families", truthy(d, "address6") ? List.of("inet", "inet6") : List.of("inet"));
        return d;
    }
}
