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
 * Linux bridges, VLANs and pools, both ways: {@link #toHcl} writes what the generator emits, {@link #network} and
 * {@link #pool} read it back over the desired state's version (only what the block sets is written over it).
 */
public final class NetworkMapping {
    public static final String BRIDGE = "proxmox_virtual_environment_network_linux_bridge";
    public static final String VLAN = "proxmox_virtual_environment_network_linux_vlan";
    public static final String POOL = "proxmox_virtual_environment_pool";

    private NetworkMapping() {}

    /** @return whether the network is a type the provider manages (linux bridge or vlan). */
    public static boolean supported(Network n) {
        return n.bridge() || n.vlan();
    }

    public static HclBlock toHcl(Network n, String name) {
        HclBlock r = new HclBlock("resource", n.bridge() ? BRIDGE : VLAN, name);
        r.attr("node_name", n.node()).attr("name", n.iface());
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
            "address", "gateway", "address6", "gateway6", "autostart", "comment", "mtu", "ports", "vlan_aware", "vids"));
    /** The attributes {@link #pool} reads. */
    public static final Map<String, Set<String>> POOL_KNOWN = Map.of("", Set.of("pool_id", "comment"));

    /**
     * @param r    an evaluated bridge or VLAN resource ({@code node_name} and {@code name} known strings)
     * @param base the desired state's interface of that node and name, if any
     * @return the interface as the block describes it, over {@code base}; an unknown value keeps the base's
     */
    public static Network network(HclBlock r, Optional<Network> base, boolean bridge) {
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
        } else {
            set(config, "vlan-raw-device", r.get("interface"));
            set(config, "vlan-id", r.get("vlan"));
        }
        return new Network((String) r.get("node_name"), (String) r.get("name"), bridge ? "bridge" : "vlan", config);
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
