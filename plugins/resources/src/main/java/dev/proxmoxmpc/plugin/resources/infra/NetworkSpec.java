package dev.proxmoxmpc.plugin.resources.infra;

import dev.proxmoxmpc.plugin.resources.check.Values;
import dev.proxmoxmpc.spi.command.CommandException;
import dev.proxmoxmpc.spi.command.UsageException;
import dev.proxmoxmpc.spi.model.Network;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code create network} options turned into a {@link Network} with the keys {@code POST /nodes/{node}/network}
 * takes: a Linux bridge ({@code vmbr1}: {@code autostart}, {@code bridge_ports}, {@code bridge_vlan_aware}, {@code cidr},
 * {@code gateway}, {@code comments}) or a VLAN interface ({@code eth1.20} / {@code vmbr0.20}: {@code vlan-id}).
 */
public final class NetworkSpec {
    private static final Pattern IFACE = Pattern.compile("[A-Za-z][A-Za-z0-9_]{1,14}");
    private static final Pattern VLAN = Pattern.compile("([A-Za-z][A-Za-z0-9_]{1,14})\\.(\\d{1,4})");

    private NetworkSpec() {}

    /**
     * @param existing the interfaces the node has now (observed and desired)
     * @return the new interface
     */
    public static Network build(NetworkFlags a, String node, List<Network> existing) {
        String name = Optional.ofNullable(a.name).orElseThrow(() -> new UsageException("missing --name (like vmbr1, or eth1.20 for a VLAN)"));
        if (existing.stream().anyMatch(n -> n.iface().equals(name))) {
            throw new CommandException("interface " + name + " already exists on node " + node);
        }
        Map<String, String> cfg = new TreeMap<>();
        cfg.put("autostart", "1");
        Optional.ofNullable(a.cidr).ifPresent(c -> cfg.put("cidr", Values.cidr4("--cidr", c)));
        Optional.ofNullable(a.gateway).ifPresent(g -> cfg.put("gateway", Values.ip4("--gateway", g)));
        Optional.ofNullable(a.comments).ifPresent(c -> cfg.put("comments", Values.text("--comments", c, 4096)));
        if (a.gateway != null && a.cidr == null) {
            throw new UsageException("--gateway needs --cidr");
        }
        Matcher vlan = VLAN.matcher(name);
        if (vlan.matches()) {
            Optional<String> bridgeOnly = a.ports != null ? Optional.of("--ports") : a.vlan != null ? Optional.of("--vlan")
                    : a.vlanAware ? Optional.of("--vlan-aware") : Optional.empty();
            if (bridgeOnly.isPresent()) {
                throw new UsageException(bridgeOnly.get() + " applies to bridges; " + name + " is a VLAN interface on " + vlan.group(1));
            }
            port(vlan.group(1), node, existing);
            cfg.put("vlan-id", Integer.toString(Values.intIn("--name VLAN id", vlan.group(2), 1, 4094)));
            return new Network(node, name, "vlan", cfg);
        }
        if (!IFACE.matcher(name).matches()) {
            throw new UsageException("--name '" + name + "' is not an interface name (letters, digits, '_', up to 15 characters, like vmbr1)");
        }
        List<String> ports = Optional.ofNullable(a.ports).map(p -> List.of(p.trim().split("[,; ]+"))).orElse(List.of());
        ports.forEach(p -> port(p, node, existing));
        if (a.vlan != null) {
            int id = Values.intIn("--vlan", a.vlan, 1, 4094);
            if (ports.isEmpty()) {
                throw new UsageException("--vlan needs --ports: the bridge then carries VLAN " + id + " of those ports (eth1." + id + ")");
            }
            ports = ports.stream().map(p -> p + "." + id).toList();
        }
        if (!ports.isEmpty()) {
            cfg.put("bridge_ports", String.join(" ", ports));
        }
        if (a.vlanAware) {
            cfg.put("bridge_vlan_aware", "1");
        }
        return new Network(node, name, "bridge", cfg);
    }

    private static void port(String port, String node, List<Network> existing) {
        if (existing.stream().noneMatch(n -> n.iface().equals(port))) {
            throw new CommandException("interface " + port + " does not exist on node " + node + "; known: "
                    + String.join(", ", existing.stream().map(Network::iface).sorted().toList()));
        }
        if (existing.stream().anyMatch(n -> n.bridge() && List.of(n.value("bridge_ports").split("[ ,;]+")).contains(port))) {
            throw new CommandException("interface " + port + " is already a port of another bridge on node " + node);
        }
    }
}
