package dev.proxmoxmpc.plugin.simulator.network;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What pve-common derives after reading the file: the {@code type} of each interface (from its name and options,
 * not from what a client sent), a VLAN's raw device and id, bridge defaults ({@code bridge_stp off},
 * {@code bridge_fd 0}), {@code cidr} beside {@code address} and {@code netmask} (the mask as a prefix length), and
 * default {@code method}, {@code method6} and {@code families}.
 */
public final class InterfaceTypes {
    /** pve-common's {@code $PHYSICAL_NIC_RE}. */
    public static final Pattern PHYSICAL = Pattern.compile("(?:eth\\d+|en[^:.]+|ib[^:.]+|(?:nic|if)\\d+)");
    private static final Pattern BOND = Pattern.compile("bond\\d+");
    private static final Pattern ALIAS = Pattern.compile("(\\S+):\\d+");
    private static final Pattern DOTTED_VLAN = Pattern.compile("(\\S+)\\.(\\d+)");
    private static final Pattern VLAN_N = Pattern.compile("vlan(\\d+)");

    private InterfaceTypes() {
    }

    static void derive(InterfacesConfig c, String name, Set<String> nics) {
        Map<String, Object> d = c.get(name);
        d.put("type", type(c, name, d, nics));
        cidr(d, "", 32);
        cidr(d, "6", 128);
        d.putIfAbsent("method", "manual");
        d.putIfAbsent("method6", "manual");
        Object comments6 = d.remove("comments6");
        if (comments6 != null && !String.valueOf(comments6).isEmpty()) {
            d.put("comments", InterfacesConfig.text(d, "comments") + comments6);
        }
        d.putIfAbsent("families", new ArrayList<>(List.of("inet")));
    }

    private static String type(InterfacesConfig c, String name, Map<String, Object> d, Set<String> nics) {
        String ovs = InterfacesConfig.text(d, "ovs_type");
        Matcher dotted = DOTTED_VLAN.matcher(name);
        Matcher alias = ALIAS.matcher(name);
        if (d.containsKey("bridge_ports")) {
            d.putIfAbsent("bridge_stp", "off");
            if (d.get("bridge_stp").equals("off")) {
                d.putIfAbsent("bridge_fd", 0);
            }
            return "bridge";
        } else if (ovs.equals("OVSBridge")) {
            return ovs;
        } else if (BOND.matcher(name).matches()) {
            return ovs.equals("OVSBond") ? ovs : "bond";
        } else if (alias.matches()) {
            d.put("exists", existsOf(c, alias.group(1)));
            return "alias";
        } else if (dotted.matches()) {
            d.putIfAbsent("vlan-raw-device", dotted.group(1));
            d.put("vlan-id", dotted.group(2));
            d.put("exists", existsOf(c, InterfacesConfig.text(d, "vlan-raw-device")));
            return "vlan";
        } else if (d.containsKey("vlan-raw-device")) {
            Matcher n = VLAN_N.matcher(name);
            if (n.matches()) {
                d.put("vlan-id", n.group(1));
            }
            d.put("exists", existsOf(c, InterfacesConfig.text(d, "vlan-raw-device")));
            return "vlan";
        } else if (nics.contains(name) || PHYSICAL.matcher(name).matches()) {
            return ovs.equals("OVSPort") ? ovs : "eth";
        } else if (name.equals("lo")) {
            return "loopback";
        } else if (d.containsKey("vxlan-id")) {
            return "vxlan";
        } else if (ovs.equals("OVSIntPort")) {
            return ovs;
        }
        return InterfacesConfig.text(d, "link-type").equals("dummy") ? "dummy" : "unknown";
    }

    /** @return the parent's {@code exists} flag, {@code null} when it has none (as PVE copies an undef). */
    private static Object existsOf(InterfacesConfig c, String parent) {
        Map<String, Object> p = c.get(parent);
        return p == null ? null : p.get("exists");
    }

    /** Adds {@code cidr} (or {@code cidr6}) from the address and its mask, the mask becoming a prefix length. */
    private static void cidr(Map<String, Object> d, String suffix, int hostBits) {
        String addr = InterfacesConfig.text(d, "address" + suffix);
        if (addr.isEmpty()) {
            return;
        }
        if (addr.matches(".*/\\d+")) {
            d.put("cidr" + suffix, addr);
            d.put("address" + suffix, addr.substring(0, addr.lastIndexOf('/')));
            d.put("netmask" + suffix, addr.substring(addr.lastIndexOf('/') + 1));
            return;
        }
        String bits = prefixLength(InterfacesConfig.text(d, "netmask" + suffix));
        if (bits != null) {
            d.put("cidr" + suffix, addr + "/" + bits);
            if (suffix.isEmpty()) {
                d.put("netmask", bits);
            }
        } else {
            d.put("cidr" + suffix, addr + "/" + hostBits);
        }
    }

    /** @return a mask as a prefix length ({@code 24} and {@code 255.255.255.0} both give {@code 24}), or {@code null}. */
    public static String prefixLength(String mask) {
        if (mask.matches("\\d+")) {
            return mask;
        }
        if (!mask.matches("(\\d{1,3}\\.){3}\\d{1,3}")) {
            return null;
        }
        long bits = 0;
        for (String part : mask.split("\\.")) {
            bits = (bits << 8) | Integer.parseInt(part);
        }
        int ones = Long.bitCount(bits);
        long expected = ones == 0 ? 0 : (0xFFFFFFFFL << (32 - ones)) & 0xFFFFFFFFL;
        return bits == expected && ones > 0 ? Integer.toString(ones) : null;
    }
}
