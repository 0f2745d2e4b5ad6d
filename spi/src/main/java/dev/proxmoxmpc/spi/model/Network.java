package dev.proxmoxmpc.spi.model;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * A node's network interface from {@code /nodes/{node}/network}: a bridge ({@code vmbr0}), a VLAN
 * ({@code vmbr0.10}), a bond or a physical port.
 *
 * @param node   the node
 * @param iface  the interface name
 * @param type   {@code bridge}, {@code vlan}, {@code bond}, {@code eth}, {@code OVSBridge}, ...
 * @param config every other key as PVE returns it ({@code cidr}, {@code gateway}, {@code bridge_ports},
 *               {@code bridge_vlan_aware}, {@code vlan-id}, {@code vlan-raw-device}, {@code autostart},
 *               {@code comments}, ...), sorted, values as strings
 */
@API(status = STABLE, since = "1.0")
public record Network(String node, String iface, String type, Map<String, String> config) {
    public Network {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(iface, "iface");
        Objects.requireNonNull(type, "type");
        config = java.util.Collections.unmodifiableMap(new TreeMap<>(config));
    }

    public String value(String key) {
        return config.getOrDefault(key, "");
    }

    public boolean bridge() {
        return type.equals("bridge");
    }

    public boolean vlan() {
        return type.equals("vlan");
    }

    public boolean autostart() {
        return PropertyString.truthy(config.getOrDefault("autostart", "0"));
    }

    public boolean vlanAware() {
        return PropertyString.truthy(config.getOrDefault("bridge_vlan_aware", "0"));
    }

    public String cidr() {
        return value("cidr");
    }

    public String comments() {
        return value("comments");
    }
}
