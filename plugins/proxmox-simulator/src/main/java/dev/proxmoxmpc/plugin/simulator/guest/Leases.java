package dev.proxmoxmpc.plugin.simulator.guest;

import dev.proxmoxmpc.plugin.simulator.network.InterfacesConfig;
import dev.proxmoxmpc.plugin.simulator.network.InterfacesParser;
import dev.proxmoxmpc.plugin.simulator.state.Cluster;
import dev.proxmoxmpc.plugin.simulator.state.NodeNetwork;
import dev.proxmoxmpc.plugin.simulator.state.NodeState;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * Addresses the simulator hands out instead of a DHCP server and SLAAC: a deterministic IPv4 lease per VMID from
 * the subnet of the bridge on the guest's node, and the IPv6 link-local address derived from a MAC (EUI-64).
 */
final class Leases {
    private Leases() {
    }

    /**
     * The lease of the {@code index}-th NIC of guest {@code vmid} on {@code bridge}: in a subnet of {@code 2^h}
     * addresses (prefix {@code p <= 30}, {@code h = 32 - p}), host number {@code 2^h/2 + (vmid + index) mod (2^h/2 - 1)}
     * (the upper half, without the broadcast address), e.g. VMID 108 on 10.0.0.0/24 gets 10.0.0.236.
     *
     * @return the address with the bridge's prefix, or {@code null} when the bridge has no IPv4 address on that node
     *     or its subnet is too small
     */
    static GuestAddresses.Address ipv4(Cluster c, String node, String bridge, int vmid, int index) {
        String cidr = bridgeCidr(c, node, bridge);
        int slash = cidr.indexOf('/');
        if (slash < 0 || cidr.contains(":")) {
            return null;
        }
        int prefix = Integer.parseInt(cidr.substring(slash + 1));
        if (prefix > 30) {
            return null;
        }
        long hosts = 1L << (32 - prefix);
        long network = toLong(cidr.substring(0, slash)) & ~(hosts - 1) & 0xFFFFFFFFL;
        long address = network + hosts / 2 + Math.floorMod((long) vmid + index, hosts / 2 - 1);
        return new GuestAddresses.Address(toText(address), prefix, false);
    }

    /** @return the link-local address of a MAC ({@code BC:24:11:12:34:56} gives {@code fe80::be24:11ff:fe12:3456}). */
    static GuestAddresses.Address linkLocal(String mac) {
        String[] b = mac.split(":");
        int[] o = new int[6];
        for (int i = 0; i < 6; i++) {
            o[i] = Integer.parseInt(b[i], 16);
        }
        String ip = String.format(Locale.ROOT, "fe80::%x:%x:%x:%x", ((o[0] ^ 0x02) << 8) | o[1], (o[2] << 8) | 0xff,
                0xfe00 | o[3], (o[4] << 8) | o[5]);
        return new GuestAddresses.Address(ip, 64, true);
    }

    private static String bridgeCidr(Cluster c, String node, String bridge) {
        NodeState n = c.nodes.get(node);
        if (n == null || bridge == null) {
            return "";
        }
        return cidrs(n.network).getOrDefault(bridge, "");
    }

    /**
     * The IPv4 {@code cidr} of each interface of the running file, parsed once per content of the file, NICs and
     * up interfaces (what {@link InterfacesParser#parse} reads), so a change of any of them is seen on the next lease.
     */
    private static Map<String, String> cidrs(NodeNetwork network) {
        String text = network.running();
        synchronized (PARSED) {
            Parsed p = PARSED.get(network);
            if (p != null && p.text.equals(text) && p.nics.equals(network.nics) && p.up.equals(network.up)) {
                return p.cidrs;
            }
        }
        InterfacesConfig cfg = InterfacesParser.parse(text, network.nics, network.up);
        Map<String, String> cidrs = new HashMap<>();
        cfg.ifaces.forEach((name, d) -> cidrs.put(name, InterfacesConfig.text(d, "cidr")));
        Parsed p = new Parsed(text, Set.copyOf(network.nics), Set.copyOf(network.up), Map.copyOf(cidrs));
        synchronized (PARSED) {
            PARSED.put(network, p);
        }
        return p.cidrs;
    }

    private record Parsed(String text, Set<String> nics, Set<String> up, Map<String, String> cidrs) {
    }

    private static final Map<NodeNetwork, Parsed> PARSED = new WeakHashMap<>();

    private static long toLong(String ip) {
        long v = 0;
        for (String part : ip.split("\\.")) {
            v = (v << 8) | Integer.parseInt(part);
        }
        return v;
    }

    private static String toText(long v) {
        return ((v >> 24) & 255) + "." + ((v >> 16) & 255) + "." + ((v >> 8) & 255) + "." + (v & 255);
    }
}
