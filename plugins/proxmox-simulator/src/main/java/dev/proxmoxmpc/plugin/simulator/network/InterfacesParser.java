package dev.proxmoxmpc.plugin.simulator.network;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code /etc/network/interfaces} like pve-common's {@code __read_etc_network_interfaces}: {@code auto}
 * lines, {@code iface} stanzas per family with their options and {@code #} comments (each line kept with its
 * {@code \n}), option aliases ({@code bridge-ports} is {@code bridge_ports}), sorted de-duplicated port lists,
 * then the derived attributes (see {@link InterfaceTypes}). Link state comes from the node, not the file.
 */
public final class InterfacesParser {
    private static final Pattern AUTO = Pattern.compile("^\\s*(?:allow-auto|auto|allow-ovs|allow-hotplug)\\s+(.*)$");
    private static final Pattern IFACE = Pattern.compile("^\\s*iface\\s+(\\S+)(?:\\s+(inet6?)\\s+(\\S+))?\\s*$");
    private static final Pattern COMMENT = Pattern.compile("^\\s*#(.*?)\\s*$");
    private static final Pattern NEXT_STANZA = Pattern.compile("^\\s*(?:(?:iface|mapping|auto|source|source-directory)\\s|allow-).*");
    private static final Pattern OPTION = Pattern.compile("^\\s*((\\S+)\\s+(.+))$");
    private static final Map<String, String> ALIASES = Map.ofEntries(Map.entry("ovs_mtu", "mtu"),
            Map.entry("bond-slaves", "slaves"), Map.entry("bond_slaves", "slaves"),
            Map.entry("bond-xmit-hash-policy", "bond_xmit_hash_policy"), Map.entry("bond-mode", "bond_mode"),
            Map.entry("bond-miimon", "bond_miimon"), Map.entry("bridge-vlan-aware", "bridge_vlan_aware"),
            Map.entry("bridge-fd", "bridge_fd"), Map.entry("bridge-stp", "bridge_stp"),
            Map.entry("bridge-ports", "bridge_ports"), Map.entry("bridge-vids", "bridge_vids"));
    private static final Set<String> SIMPLE = Set.of("mtu", "ovs_type", "ovs_options", "ovs_bridge", "ovs_bonds", "ovs_ports",
            "bridge_fd", "bridge_vids", "bridge-access", "bridge-learning", "bridge-arp-nd-suppress", "bridge-unicast-flood",
            "bridge-multicast-flood", "bridge-disable-mac-learning", "bond_miimon", "bond_xmit_hash_policy", "bond-primary",
            "link-type", "uplink-id", "vlan-protocol", "vlan-raw-device", "vlan-id", "vxlan-id", "vxlan-svcnodeip",
            "vxlan-physdev", "vxlan-local-tunnelip");
    private static final List<String> BOND_MODES = List.of("balance-rr", "active-backup", "balance-xor", "broadcast",
            "802.3ad", "balance-tlb", "balance-alb");

    private InterfacesParser() {
    }

    /**
     * @param nics physical NICs of the node (listed with {@code exists: 1} even when the file does not name them)
     * @param up   interfaces the kernel has up ({@code active: 1})
     */
    public static InterfacesConfig parse(String text, Set<String> nics, Set<String> up) {
        InterfacesConfig c = new InterfacesConfig();
        String[] lines = text.split("\n", -1);
        int priority = 2;
        int i = 0;
        while (i < lines.length) {
            String line = lines[i];
            Matcher auto = AUTO.matcher(line);
            Matcher iface = IFACE.matcher(line);
            if (line.matches("^\\s*#.*")) {
                i++;
            } else if (auto.matches()) {
                for (String name : auto.group(1).trim().split("\\s+")) {
                    c.getOrCreate(name).put("autostart", 1);
                }
                i++;
            } else if (iface.matches()) {
                Map<String, Object> d = c.getOrCreate(iface.group(1));
                if (!d.containsKey("priority")) {
                    d.put("priority", priority++);
                }
                i = stanza(lines, i + 1, d, iface.group(2), iface.group(3));
            } else {
                if (line.matches(".*\\w.*")) {
                    c.options.add(line);
                }
                i++;
            }
        }
        nics.forEach(n -> c.getOrCreate(n).put("exists", 1));
        up.forEach(n -> {
            if (c.ifaces.containsKey(n)) {
                c.ifaces.get(n).put("active", 1);
            }
        });
        c.ifaces.computeIfAbsent("lo", k -> new LinkedHashMap<>(Map.of("priority", 1, "method", "loopback",
                "type", "loopback", "autostart", 1)));
        for (String name : new TreeSet<>(c.ifaces.keySet())) {
            InterfaceTypes.derive(c, name, nics);
        }
        return c;
    }

    /** Reads one {@code iface} stanza's lines; @return the index of the first line that is not part of it. */
    private static int stanza(String[] lines, int from, Map<String, Object> d, String family, String method) {
        String suffix = family == null ? null : family.substring(4);
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("method", method);
        if (family != null) {
            @SuppressWarnings("unchecked")
            List<String> families = (List<String>) d.computeIfAbsent("families", k -> new ArrayList<String>());
            families.add(family);
        }
        int i = from;
        for (; i < lines.length; i++) {
            String line = lines[i].replaceAll("\\s+$", "");
            Matcher comment = COMMENT.matcher(line);
            Matcher option = OPTION.matcher(line);
            if (comment.matches()) {
                Map<String, Object> to = suffix != null ? f : d;
                to.put("comments", InterfacesConfig.text(to, "comments") + comment.group(1) + "\n");
            } else if (NEXT_STANZA.matcher(line).matches() || !option.matches()) {
                break;
            } else {
                option(d, f, suffix, option.group(1), option.group(2), option.group(3));
            }
        }
        if (suffix != null) {
            f.forEach((k, v) -> d.put(k + suffix, v));
        }
        return i;
    }

    private static void option(Map<String, Object> d, Map<String, Object> f, String suffix, String line, String key, String value) {
        String id = ALIASES.getOrDefault(key, key);
        if (id.equals("address") || id.equals("netmask") || id.equals("broadcast") || id.equals("gateway")) {
            if (suffix != null) {
                d.put(id + suffix, value);
            } else {
                d.put(!id.equals("netmask") && value.contains(":") ? id + "6" : id, value);
            }
        } else if (SIMPLE.contains(id)) {
            d.put(id, value);
        } else if (id.equals("slaves") || id.equals("bridge_ports")) {
            TreeSet<String> devs = new TreeSet<>();
            for (String p : value.split("\\s+")) {
                if (p.equals("none")) {
                    d.put(id, InterfacesConfig.text(d, id));
                } else {
                    devs.add(p);
                }
            }
            String joined = String.join(" ", devs);
            d.put(id, InterfacesConfig.truthy(d, id) && !joined.isEmpty() ? d.get(id) + " " + joined
                    : InterfacesConfig.truthy(d, id) ? d.get(id) : joined);
        } else if (id.equals("bridge_stp")) {
            d.put(id, value.trim().matches("(?i)on|yes") ? "on" : "off");
        } else if (id.equals("bridge_vlan_aware")) {
            d.put(id, 1);
        } else if (id.equals("bond_mode")) {
            d.put(id, value.matches("[0-6]") ? BOND_MODES.get(Integer.parseInt(value)) : value);
        } else {
            Map<String, Object> to = suffix != null ? f : d;
            @SuppressWarnings("unchecked")
            List<String> options = (List<String>) to.computeIfAbsent("options", k -> new ArrayList<String>());
            options.add(line);
        }
    }
}
