package dev.proxmoxmpc.plugin.terraform.mapping;

import dev.proxmoxmpc.plugin.terraform.hcl.HclBlock;
import dev.proxmoxmpc.spi.model.Network;
import dev.proxmoxmpc.spi.model.Pool;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Linux bridges, VLANs, bonds and pools, both ways: {@link #toHcl} writes what the generator emits, {@link #network} and
 * {@link #pool} read it back over the desired state's version (only what the block sets is written over it).
 */
public final class NetworkMapping {
    /** The provider's current (ADR-007 short) names, generated since bpg 0.111.1 deprecated the long ones. */
    public static final String BRIDGE = "proxmox_network_linux_bridge";
    public static final String VLAN = "proxmox_network_linux_vlan";
    /** Registered only under the short name in bpg 0.111.1. */
    public static final String BOND = "proxmox_network_linux_bond";
    /** The deprecated long names: same schema, still read back (hand-written files and older generations use them). */
    public static final String LONG_BRIDGE = "proxmox_virtual_environment_network_linux_bridge";
    public static final String LONG_VLAN = "proxmox_virtual_environment_network_linux_vlan";
    public static final String POOL = "proxmox_virtual_environment_pool";

    private NetworkMapping() {}

    /** @return whether the network is a type the provider manages (linux bridge, vlan or bond). */
    public static boolean supported(Network n) {
        return n.bridge() || n.vlan() || bond(n);
    }

    public static boolean bond(Network n) {
        return n.type().equals("bond");
    }

    /** @return the resource type that describes a network of PVE type {@code bridge}, {@code vlan} or {@code bond}. */
    public static String resourceType(Network n) {
        return n.bridge() ? BRIDGE : n.vlan() ? VLAN : BOND;
    }

    /** @return the PVE interface type a resource type describes ({@code bridge}, {@code vlan}, {@code bond}), or null. */
    public static String pveType(String resourceType) {
        return switch (resourceType) {
            case BRIDGE, LONG_BRIDGE -> "bridge";
            case VLAN, LONG_VLAN -> "vlan";
            case BOND -> "bond";
            default -> null;
        };
    }

    public static HclBlock toHcl(Network n, String name) {
        HclBlock r = new HclBlock("resource", resourceType(n), name);
        r.attr("node_name", n.node()).attr("name", n.iface());
        if (bond(n)) {
            // the provider reads slaves back sorted (strings.Split + sort.Strings): write them so
            r.attr("slaves", Pve.list(n.value("slaves"), "[ ,;]+").stream().sorted().toList());
            r.attr("bond_mode", blankToNull(n.value("bond_mode")));
            r.attr("bond_primary", blankToNull(n.value("bond-primary")));
            r.attr("bond_xmit_hash_policy", blankToNull(n.value("bond_xmit_hash_policy")));
        }
        if (n.vlan()) {
            r.attr("interface", blankToNull(n.value("vlan-raw-device")));
            r.attr("vlan", Pve.num(n.value("vlan-id")));
        }
        r.attr("address", blankToNull(n.cidr())).attr("gateway", blankToNull(n.value("gateway")));
        r.attr("address6", blankToNull(n.value("cidr6"))).attr("gateway6", blankToNull(n.value("gateway6")));
        r.attr("autostart", n.autostart());
        // PVE keeps a comment's line break ("LAN\n"); the provider trims what it reads, so the file must say "LAN"
        r.attr("comment", blankToNull(n.comments().strip()));
        r.attr("mtu", Pve.num(n.value("mtu")));
        if (n.bridge()) {
            List<String> ports = Pve.list(n.value("bridge_ports"), "[ ,;]+");
            r.attr("ports", ports.isEmpty() ? null : ports);
            r.attr("vlan_aware", n.vlanAware() ? Boolean.TRUE : null);
            r.attr("vids", blankToNull(n.value("bridge_vids")));
        }
        return r;
    }

    /** The attributes {@link #network} reads, by block path ({@code ""} = the resource): others are reported. */
    public static final Map<String, Set<String>> NETWORK_KNOWN = Map.of("", Set.of("node_name", "name", "interface", "vlan",
            "address", "gateway", "address6", "gateway6", "autostart", "comment", "mtu", "ports", "vlan_aware", "vids",
            "slaves", "bond_mode", "bond_primary", "bond_xmit_hash_policy"));
    /** The attributes {@link #pool} reads. */
    public static final Map<String, Set<String>> POOL_KNOWN = Map.of("", Set.of("pool_id", "comment"));

    /**
     * @param r    an evaluated bridge, VLAN or bond resource ({@code node_name} and {@code name} known strings)
     * @param base the desired state's interface of that node and name, if any
     * @param type the PVE type the resource describes ({@link #pveType})
     * @return the interface as the block describes it, over {@code base}; an unknown value keeps the base's
     */
    public static Network network(HclBlock r, Optional<Network> base, String type) {
        boolean bridge = type.equals("bridge");
        Map<String, String> config = new TreeMap<>(base.map(Network::config).orElse(Map.of()));
        set(config, "cidr", r.get("address"));
        set(config, "gateway", r.get("gateway"));
        set(config, "cidr6", r.get("address6"));
        set(config, "gateway6", r.get("gateway6"));
        set(config, "mtu", r.get("mtu"));
        Object autostart = r.get("autostart");
        if (autostart instanceof Boolean b) {
            set(config, "autostart", b ? "1" : null);
        }
        Object comment = r.get("comment");
        if (comment == null || comment instanceof String) {
            // PVE keeps the comment's line break, the file does not: a base that differs only by it stays as it is
            String had = config.getOrDefault("comments", "");
            set(config, "comments", comment != null && had.strip().equals(comment) ? had : comment);
        }
        if (bridge) {
            Object ports = r.get("ports");
            if (ports == null || ports instanceof List<?>) {
                set(config, "bridge_ports", ports == null ? null : String.join(" ", Pve.strings(ports)));
            }
            Object aware = r.get("vlan_aware");
            if (aware == null || aware instanceof Boolean) {
                set(config, "bridge_vlan_aware", Boolean.TRUE.equals(aware) ? "1" : null);
            }
            set(config, "bridge_vids", r.get("vids"));
        } else if (type.equals("vlan")) {
            set(config, "vlan-raw-device", r.get("interface"));
            set(config, "vlan-id", r.get("vlan"));
        } else {
            bond(r, config);
        }
        return new Network((String) r.get("node_name"), (String) r.get("name"), type, config);
    }

    private static void bond(HclBlock r, Map<String, String> config) {
        Object slaves = r.get("slaves");
        if (slaves == null || slaves instanceof List<?>) {
            List<String> now = Pve.list(config.getOrDefault("slaves", ""), "[ ,;]+");
            List<String> wanted = slaves == null ? List.of() : Pve.strings(slaves);
            // the same ports in another order are the same bond: keep PVE's order
            if (!now.stream().sorted().toList().equals(wanted.stream().sorted().toList())) {
                set(config, "slaves", String.join(" ", wanted));
            }
        }
        // bond_mode is optional and computed: left out, the provider keeps what the server has
        if (r.get("bond_mode") != null) {
            set(config, "bond_mode", r.get("bond_mode"));
        }
        set(config, "bond-primary", r.get("bond_primary"));
        set(config, "bond_xmit_hash_policy", r.get("bond_xmit_hash_policy"));
    }

    /** @return the pool the block describes ({@code pool_id} a known string); an unknown comment keeps the base's */
    public static Pool pool(HclBlock r, Optional<Pool> base) {
        Object comment = r.get("comment");
        String text = comment == Unknown.VALUE ? base.map(Pool::comment).orElse("") : Pve.text(comment);
        return new Pool((String) r.get("pool_id"), text);
    }

    /** Sets {@code key} from an evaluated value: absent (null) removes it, {@link Unknown#VALUE} keeps it. */
    private static void set(Map<String, String> config, String key, Object value) {
        if (value == Unknown.VALUE) {
            return;
        }
        String text = Pve.text(value);
        if (text.isEmpty()) {
            config.remove(key);
        } else {
            config.put(key, text);
        }
    }

    public static HclBlock toHcl(Pool p, String name) {
        return new HclBlock("resource", POOL, name).attr("pool_id", p.id()).attr("comment", blankToNull(p.comment()));
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
