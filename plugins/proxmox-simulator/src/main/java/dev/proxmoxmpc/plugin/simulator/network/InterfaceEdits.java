package dev.proxmoxmpc.plugin.simulator.network;

import static dev.proxmoxmpc.plugin.simulator.network.InterfacesConfig.list;
import static dev.proxmoxmpc.plugin.simulator.network.InterfacesConfig.truthy;

import dev.proxmoxmpc.plugin.simulator.error.ApiException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@code POST /nodes/{node}/network}, {@code PUT} and {@code DELETE .../network/{iface}} do to the parsed
 * file, as pve-manager's handlers: the parameter checks with their 400 messages ({@code interface already
 * exists}, a second default gateway, a port another interface uses, {@code cidr} beside {@code address}),
 * {@code cidr} split into {@code address}/{@code netmask}, and {@code families}, {@code method} and
 * {@code method6} recomputed from the addresses the request carries.
 */
public final class InterfaceEdits {
    private static final List<String> PORT_KEYS = List.of("bridge_ports", "ovs_ports", "slaves", "ovs_bonds");

    private InterfaceEdits() {
    }

    /** Adds an interface; {@code params} are the request's without {@code node} and {@code iface}. */
    public static void create(InterfacesConfig c, String iface, Map<String, String> params) {
        Map<String, Object> p = new LinkedHashMap<>(params);
        if (c.get(iface) != null) {
            throw ApiException.parameter("iface", "interface already exists");
        }
        gateways(c, iface, p);
        ports(c, iface, p);
        splitCidr(p);
        methods(p);
        if (String.valueOf(p.get("type")).startsWith("OVS")) {
            throw ApiException.failed("Open VSwitch is not installed (need package 'openvswitch-switch')");
        }
        vlanList(p);
        if (truthy(p, "bridge_vids")) {
            p.put("bridge_vids", String.join(" ", list(p, "bridge_vids")));
        }
        c.ifaces.put(iface, p);
    }

    /**
     * Changes an interface: removes the {@code delete} keys ({@code cidr} takes {@code address} and
     * {@code netmask} along), then sets the parameters. As in PVE, {@code method} becomes {@code manual} unless the
     * request itself carries an address, though a kept address stays in the file.
     */
    public static void update(InterfacesConfig c, String iface, Map<String, String> params, String delete) {
        Map<String, Object> d = c.get(iface);
        if (d == null) {
            throw ApiException.parameter("iface", "interface does not exist");
        }
        Map<String, Object> p = new LinkedHashMap<>(params);
        for (String k : delete == null ? List.<String>of() : List.of(delete.split("[,;\\s\\x00]+"))) {
            d.remove(k);
            if (k.equals("cidr") || k.equals("cidr6")) {
                String six = k.substring(4);
                d.remove("netmask" + six);
                d.remove("address" + six);
            }
        }
        splitCidr(p);
        gateways(c, iface, p);
        ports(c, iface, p);
        methods(p);
        d.putAll(p);
        vlanList(p);
    }

    /** Removes an interface. */
    public static void delete(InterfacesConfig c, String iface) {
        if (c.ifaces.remove(iface) == null) {
            throw ApiException.parameter("iface", "interface does not exist");
        }
    }

    private static void gateways(InterfacesConfig c, String iface, Map<String, Object> p) {
        for (String[] g : new String[][] {{"gateway", "Default gateway"}, {"gateway6", "Default ipv6 gateway"}}) {
            if (!truthy(p, g[0])) {
                continue;
            }
            c.ifaces.forEach((name, d) -> {
                if (!name.equals(iface) && truthy(d, g[0])) {
                    throw ApiException.parameter(g[0], g[1] + " already exists on interface '" + name + "'.");
                }
            });
        }
    }

    private static void ports(InterfacesConfig c, String iface, Map<String, Object> p) {
        String param = PORT_KEYS.stream().filter(k -> truthy(p, k)).findFirst().orElse(null);
        if (param == null) {
            return;
        }
        Set<String> wanted = new LinkedHashSet<>();
        PORT_KEYS.forEach(k -> wanted.addAll(list(p, k)));
        c.ifaces.forEach((name, d) -> {
            if (name.equals(iface)) {
                return;
            }
            for (String k : PORT_KEYS) {
                for (String port : list(d, k)) {
                    if (wanted.contains(port)) {
                        throw ApiException.parameter(param, port + " is already used on interface '" + name + "'.");
                    }
                }
            }
        });
    }

    private static void splitCidr(Map<String, Object> p) {
        for (String six : new String[] {"", "6"}) {
            if (!truthy(p, "cidr" + six)) {
                continue;
            }
            if (truthy(p, "address" + six)) {
                throw ApiException.parameter("address" + six, "address" + six + " conflicts with cidr" + six);
            }
            if (truthy(p, "netmask" + six)) {
                throw ApiException.parameter("netmask" + six, "netmask" + six + " conflicts with cidr" + six);
            }
            String cidr = String.valueOf(p.remove("cidr" + six));
            int slash = cidr.lastIndexOf('/');
            p.put("address" + six, cidr.substring(0, slash));
            p.put("netmask" + six, cidr.substring(slash + 1));
        }
    }

    private static void methods(Map<String, Object> p) {
        List<String> families = new ArrayList<>();
        if (truthy(p, "address")) {
            families.add("inet");
        }
        if (truthy(p, "address6")) {
            families.add("inet6");
        }
        p.put("families", families.isEmpty() ? new ArrayList<>(List.of("inet")) : families);
        p.put("method", truthy(p, "address") ? "static" : "manual");
        p.put("method6", truthy(p, "address6") ? "static" : "manual");
    }

    private static void vlanList(Map<String, Object> p) {
        if (truthy(p, "bridge_vids") && list(p, "bridge_vids").isEmpty()) {
            throw ApiException.parameter("bridge_vids", "VLAN list items are empty");
        }
    }
}
