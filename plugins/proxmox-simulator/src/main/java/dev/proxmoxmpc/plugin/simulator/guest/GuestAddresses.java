package dev.proxmoxmpc.plugin.simulator.guest;

import dev.proxmoxmpc.plugin.simulator.schema.PropertyStringFormat;
import dev.proxmoxmpc.plugin.simulator.state.Cluster;
import dev.proxmoxmpc.plugin.simulator.state.Guest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The interfaces of a running guest and their addresses, as the guest's own network setup makes them from its
 * config. IPv4: the static {@code ip=} (a VM's {@code ipconfigN}, a container's {@code netN}); with {@code ip=dhcp}
 * (and on a VM without {@code ipconfigN}) a {@link Leases lease} from the bridge's subnet, none on a VLAN-tagged NIC;
 * nothing for {@code ip=manual} or a container NIC without {@code ip}. IPv6: the static {@code ip6=}, then the
 * link-local address every interface has. Names: a container's NIC {@code name}; in a VM {@code eth0, eth1, ...} in
 * {@code netN} order ({@code Ethernet, Ethernet 2, ...} when {@code ostype} is Windows). MACs in lower case, as the
 * guest prints them.
 */
public final class GuestAddresses {
    /** An address and its prefix length. */
    public record Address(String ip, int prefix, boolean v6) {
    }

    /** One interface inside the guest (loopback not included). */
    public record Iface(String name, String mac, List<Address> addresses) {
        public Iface {
            addresses = List.copyOf(addresses);
        }
    }

    private GuestAddresses() {
    }

    /** @return the guest's interfaces in {@code netN} order. */
    public static List<Iface> of(Cluster c, Guest g) {
        Map<Integer, String> nets = new TreeMap<>();
        g.config.forEach((k, v) -> {
            if (GuestSchema.isNet(k)) {
                nets.put(Integer.parseInt(k.substring(3)), k);
            }
        });
        List<Iface> out = new ArrayList<>();
        int position = 0;
        for (Map.Entry<Integer, String> e : nets.entrySet()) {
            Map<String, String> nic = parse(g, e.getValue(), g.config.get(e.getValue()));
            Map<String, String> ip = g.qemu() ? ipconfig(g.config.get("ipconfig" + e.getKey())) : nic;
            String mac = nic.getOrDefault(g.qemu() ? "macaddr" : "hwaddr", "00:00:00:00:00:00");
            List<Address> addresses = new ArrayList<>();
            String v4 = ip.getOrDefault("ip", g.qemu() ? "dhcp" : "manual");
            if (v4.equals("dhcp")) {
                Address lease = nic.containsKey("tag") ? null : Leases.ipv4(c, g.node, nic.get("bridge"), g.vmid, e.getKey());
                if (lease != null) {
                    addresses.add(lease);
                }
            } else if (v4.contains("/")) {
                addresses.add(address(v4, false));
            }
            String v6 = ip.getOrDefault("ip6", "");
            if (v6.contains("/")) {
                addresses.add(address(v6, true));
            }
            addresses.add(Leases.linkLocal(mac));
            out.add(new Iface(name(g, nic, position++), mac.toLowerCase(Locale.ROOT), addresses));
        }
        return out;
    }

    /** @return whether the guest is a Windows VM (its agent names interfaces the Windows way). */
    public static boolean windows(Guest g) {
        return g.qemu() && g.config.getOrDefault("ostype", "").startsWith("w");
    }

    private static String name(Guest g, Map<String, String> nic, int position) {
        if (!g.qemu()) {
            return nic.getOrDefault("name", "eth" + position);
        }
        if (windows(g)) {
            return position == 0 ? "Ethernet" : "Ethernet " + (position + 1);
        }
        return "eth" + position;
    }

    private static Map<String, String> parse(Guest g, String key, String value) {
        try {
            return PropertyStringFormat.of(GuestSchema.key(g.kind, key).orElseThrow().get("format")).parse(value);
        } catch (PropertyStringFormat.FormatException e) {
            return Map.of();
        }
    }

    /** @return the keys of an {@code ipconfigN} value ({@code ip=10.0.0.5/24,gw=10.0.0.1}); none when it is unset. */
    private static Map<String, String> ipconfig(String value) {
        Map<String, String> out = new LinkedHashMap<>();
        if (value != null) {
            for (String part : value.split(",")) {
                int eq = part.indexOf('=');
                if (eq > 0) {
                    out.put(part.substring(0, eq), part.substring(eq + 1));
                }
            }
        }
        return out;
    }

    private static Address address(String cidr, boolean v6) {
        int slash = cidr.indexOf('/');
        return new Address(cidr.substring(0, slash), Integer.parseInt(cidr.substring(slash + 1)), v6);
    }
}
