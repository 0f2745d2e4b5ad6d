package dev.proxmoxmpc.plugin.simulator.network;

import static dev.proxmoxmpc.plugin.simulator.network.InterfacesConfig.list;
import static dev.proxmoxmpc.plugin.simulator.network.InterfacesConfig.text;
import static dev.proxmoxmpc.plugin.simulator.network.InterfacesConfig.truthy;

import dev.proxmoxmpc.plugin.simulator.error.ApiException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The consistency checks pve-common runs before it writes the file, with its messages (answered as 500): a port
 * in two bridges or bonds, a bond slave that is not a NIC or bond, a VLAN whose parent is missing or of the wrong
 * type, a bridge port that does not exist or carries an address, an MTU larger than its parent's.
 */
final class InterfaceChecks {
    private static final Pattern DOTTED = Pattern.compile("(\\S+)\\.(\\d+)");
    private static final Pattern VLAN_N = Pattern.compile("vlan(\\d+)");

    private InterfaceChecks() {
    }

    /** @throws ApiException 500 naming the first inconsistency; may drop attributes pve-common drops while writing */
    static void check(InterfacesConfig c) {
        Map<String, Map<String, Object>> ifaces = new TreeMap<>(c.ifaces);
        usedPorts(ifaces);
        bonds(ifaces);
        vlans(ifaces);
        bridges(ifaces);
    }

    private static void usedPorts(Map<String, Map<String, Object>> ifaces) {
        Map<String, String> used = new HashMap<>();
        ifaces.forEach((name, d) -> {
            for (String key : List.of("bridge_ports", "ovs_ports", "slaves", "ovs_bonds")) {
                for (String p : list(d, key)) {
                    String other = used.putIfAbsent(p, name);
                    if (other != null && !other.equals(name)) {
                        throw ApiException.failed("port '" + p + "' is already used on interface '" + other + "'");
                    }
                }
            }
        });
    }

    private static void bonds(Map<String, Map<String, Object>> ifaces) {
        ifaces.forEach((name, d) -> {
            if (!text(d, "type").equals("bond") || !truthy(d, "slaves")) {
                return;
            }
            boolean primaryIsSlave = false;
            for (String p : words(d, "slaves")) {
                Map<String, Object> n = ifaces.getOrDefault(p, new HashMap<>());
                n.put("autostart", 1);
                String type = text(n, "type");
                if (!type.equals("eth") && !type.equals("bond")) {
                    throw ApiException.failed("bond '" + name + "' - wrong interface type on slave '" + p + "' ('" + type
                            + "' != 'eth or bond')");
                }
                mtu(ifaces, name, p);
                primaryIsSlave |= text(d, "bond-primary").equals(p);
            }
            if (truthy(d, "bond-primary") && !primaryIsSlave) {
                throw ApiException.failed("bond '" + name + "' - bond-primary interface is not a slave");
            }
        });
    }

    private static void vlans(Map<String, Map<String, Object>> ifaces) {
        ifaces.forEach((name, d) -> {
            if (!text(d, "type").equals("vlan")) {
                return;
            }
            String parent;
            String id;
            Matcher dotted = DOTTED.matcher(name);
            Matcher vlanN = VLAN_N.matcher(name);
            if (dotted.matches()) {
                parent = dotted.group(1);
                id = dotted.group(2);
                d.remove("vlan-raw-device");
                d.remove("vlan-id");
            } else {
                parent = require(d, "vlan-raw-device");
                if (vlanN.matches()) {
                    id = vlanN.group(1);
                    d.remove("vlan-id");
                } else {
                    id = require(d, "vlan-id");
                }
            }
            if (Long.parseLong(id) > 4094) {
                throw ApiException.failed("vlan '" + name + "' - vlan-id " + id + " should be <= 4094");
            }
            Map<String, Object> n = ifaces.get(parent);
            if (n == null) {
                throw ApiException.failed("vlan '" + name + "' - unable to find parent '" + parent + "'");
            }
            if (!List.of("eth", "bridge", "bond", "vlan").contains(text(n, "type"))) {
                throw ApiException.failed("vlan '" + name + "' - wrong interface type on parent '" + parent + "' ('"
                        + text(n, "type") + "' != 'eth|bond|bridge|vlan' )");
            }
            mtu(ifaces, parent, name);
        });
    }

    private static String require(Map<String, Object> d, String option) {
        if (!truthy(d, option)) {
            throw ApiException.failed("missing " + option + " option");
        }
        return text(d, option);
    }

    private static void bridges(Map<String, Map<String, Object>> ifaces) {
        Map<String, Map<String, Object>> all = new TreeMap<>(ifaces);
        ifaces.forEach((name, d) -> {
            if (!text(d, "type").equals("bridge")) {
                return;
            }
            for (String p : words(d, "bridge_ports")) {
                Matcher dotted = DOTTED.matcher(p);
                if (dotted.matches() && !all.containsKey(p)) {
                    Map<String, Object> vlan = new LinkedHashMap<>(Map.of("type", "vlan", "method", "manual", "method6", "manual"));
                    Map<String, Object> parent = all.get(dotted.group(1));
                    if (parent != null && parent.containsKey("mtu")) {
                        vlan.put("mtu", parent.get("mtu"));
                    }
                    all.put(p, vlan);
                }
                Map<String, Object> n = all.get(p);
                if (n == null) {
                    throw ApiException.failed("bridge '" + name + "' - unable to find bridge port '" + p + "'");
                }
                if (text(n, "method").equals("static") && !text(n, "address").equals("0.0.0.0")
                        || text(n, "method6").equals("static") && !text(n, "address6").equals("::")) {
                    throw ApiException.failed("iface " + p + " - ip address can't be set on interface if bridged in " + name);
                }
                mtu(all, p, name);
            }
        });
    }

    /** pve-common's {@code check_mtu}: a child may not have a larger MTU than its parent (1500 when unset). */
    private static void mtu(Map<String, Map<String, Object>> ifaces, String parent, String child) {
        String childMtu = text(ifaces.getOrDefault(child, Map.of()), "mtu");
        if (childMtu.isEmpty()) {
            return;
        }
        Map<String, Object> p = ifaces.getOrDefault(parent, Map.of());
        String parentMtu = text(p, "mtu");
        if (parentMtu.isEmpty()) {
            parentMtu = text(p, "type").equals("bond") ? childMtu : "1500";
        }
        if (Long.parseLong(parentMtu) < Long.parseLong(childMtu)) {
            throw ApiException.failed("interface '" + parent + "' - mtu " + parentMtu + " is lower than '" + child
                    + "' - mtu " + childMtu);
        }
    }

    /** @return the items of a list attribute split on blanks only, as these checks split them. */
    private static List<String> words(Map<String, Object> d, String key) {
        String v = text(d, key).trim();
        return v.isEmpty() ? List.of() : List.of(v.split("\\s+"));
    }
}
