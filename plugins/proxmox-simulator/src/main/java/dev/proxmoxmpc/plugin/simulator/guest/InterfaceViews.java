package dev.proxmoxmpc.plugin.simulator.guest;

import dev.proxmoxmpc.plugin.simulator.state.Cluster;
import dev.proxmoxmpc.plugin.simulator.state.Guest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A running guest's interfaces in the two shapes the API answers: the QEMU guest agent's
 * {@code guest-network-get-interfaces} result, and the list {@code GET .../lxc/{vmid}/interfaces} makes of
 * {@code ip --json addr} in the container (PVE 9: {@code hwaddr}, {@code inet}, {@code inet6}, the last address of
 * each family, plus the agent-style {@code hardware-address} and {@code ip-addresses}). Loopback comes first.
 */
public final class InterfaceViews {
    private static final String NO_MAC = "00:00:00:00:00:00";
    private static final List<GuestAddresses.Address> LOOPBACK = List.of(
            new GuestAddresses.Address("127.0.0.1", 8, false), new GuestAddresses.Address("::1", 128, true));

    private InterfaceViews() {
    }

    /** @return the agent's {@code result}: interfaces with {@code ip-addresses} and {@code statistics}. */
    public static List<Object> agent(Cluster c, Guest g) {
        List<Object> out = new ArrayList<>();
        long uptime = Math.max(1, Cluster.now() - g.startedAt);
        String lo = GuestAddresses.windows(g) ? "Loopback Pseudo-Interface 1" : "lo";
        out.add(agentIface(lo, NO_MAC, LOOPBACK, uptime * 40, uptime * 40));
        boolean first = true;
        for (GuestAddresses.Iface i : GuestAddresses.of(c, g)) {
            out.add(agentIface(i.name(), i.mac(), i.addresses(), first ? GuestViews.netin(g) : 0, first ? GuestViews.netout(g) : 0));
            first = false;
        }
        return out;
    }

    /** @return the container's interfaces as {@code GET /nodes/{node}/lxc/{vmid}/interfaces} lists them. */
    public static List<Object> container(Cluster c, Guest g) {
        List<Object> out = new ArrayList<>();
        out.add(containerIface("lo", NO_MAC, LOOPBACK));
        for (GuestAddresses.Iface i : GuestAddresses.of(c, g)) {
            out.add(containerIface(i.name(), i.mac(), i.addresses()));
        }
        return out;
    }

    private static Map<String, Object> agentIface(String name, String mac, List<GuestAddresses.Address> addresses, long rx, long tx) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("hardware-address", mac);
        m.put("ip-addresses", addresses(addresses));
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("rx-bytes", rx);
        s.put("rx-dropped", 0);
        s.put("rx-errs", 0);
        s.put("rx-packets", rx / 900);
        s.put("tx-bytes", tx);
        s.put("tx-dropped", 0);
        s.put("tx-errs", 0);
        s.put("tx-packets", tx / 900);
        m.put("statistics", s);
        return m;
    }

    private static Map<String, Object> containerIface(String name, String mac, List<GuestAddresses.Address> addresses) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("hwaddr", mac);
        m.put("hardware-address", mac);
        for (GuestAddresses.Address a : addresses) {
            m.put(a.v6() ? "inet6" : "inet", a.ip() + "/" + a.prefix());
        }
        m.put("ip-addresses", addresses(addresses));
        return m;
    }

    private static List<Object> addresses(List<GuestAddresses.Address> addresses) {
        List<Object> out = new ArrayList<>();
        for (GuestAddresses.Address a : addresses) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("ip-address-type", a.v6() ? "ipv6" : "ipv4");
            m.put("ip-address", a.ip());
            m.put("prefix", a.prefix());
            out.add(m);
        }
        return out;
    }
}
