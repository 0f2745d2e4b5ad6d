package dev.proxmoxmpc.plugin.proxmox.change;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which interface settings {@code POST /nodes/{node}/network} and {@code PUT .../network/{iface}} take. A listing
 * shows more (link state, file order, the address family, bridge STP defaults): those are the server's and are not
 * sent. With {@code cidr} the address and mask it already holds are not sent either (PVE refuses both together).
 */
final class NetworkParams {
    /** The parameters of the two calls (PVE 9 schema), {@code node}, {@code iface} and {@code delete} aside. */
    static final Set<String> API = Set.of("address", "address6", "autostart", "bond-primary", "bond_mode",
            "bond_xmit_hash_policy", "bridge_ports", "bridge_vids", "bridge_vlan_aware", "cidr", "cidr6", "comments", "comments6",
            "gateway", "gateway6", "mtu", "netmask", "netmask6", "ovs_bonds", "ovs_bridge", "ovs_options", "ovs_ports", "ovs_tag",
            "slaves", "type", "vlan-id", "vlan-raw-device");
    /** What PVE derives when it reads the file or the links: never a setting of its own. */
    private static final Set<String> DERIVED = Set.of("active", "exists", "priority", "families", "method", "method6",
            "options", "options6", "altnames");

    /** The settings to send and the ones left to the server (other than derived state), for a progress message. */
    record Split(Map<String, String> params, List<String> unsettable) {
    }

    private NetworkParams() {}

    static Split of(Map<String, String> settings) {
        Map<String, String> params = new TreeMap<>();
        List<String> unsettable = new ArrayList<>();
        settings.forEach((k, v) -> {
            if (API.contains(k)) {
                params.put(k, v);
            } else if (!DERIVED.contains(k)) {
                unsettable.add(k);
            }
        });
        for (String six : new String[] {"", "6"}) {
            if (params.containsKey("cidr" + six)) {
                params.remove("address" + six);
                params.remove("netmask" + six);
            }
        }
        return new Split(params, unsettable);
    }

    /** @return the deletions the API can carry out ({@code cidr} takes the address and mask along). */
    static List<String> deletions(List<String> deletions) {
        return deletions.stream().filter(API::contains).toList();
    }
}
