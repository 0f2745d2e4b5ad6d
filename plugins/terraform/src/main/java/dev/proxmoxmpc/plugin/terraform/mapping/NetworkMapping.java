package dev.proxmoxmpc.plugin.terraform.mapping;

import dev.proxmoxmpc.plugin.terraform.hcl.HclBlock;
import dev.proxmoxmpc.spi.model.Network;
import dev.proxmoxmpc.spi.model.Pool;
import java.util.List;

/** Linux bridges, VLANs and pools: generated for reference and adoption (the importer does not read them back). */
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

    public static HclBlock toHcl(Pool p, String name) {
        return new HclBlock("resource", POOL, name).attr("pool_id", p.id()).attr("comment", blankToNull(p.comment()));
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
