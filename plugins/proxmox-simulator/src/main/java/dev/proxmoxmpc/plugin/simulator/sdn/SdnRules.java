package dev.proxmoxmpc.plugin.simulator.sdn;

import dev.proxmoxmpc.plugin.simulator.error.ApiException;
import java.util.Map;
import java.util.Set;

/**
 * What PVE's SDN plugins accept: the options of each zone type ({@code PVE::Network::SDN::Zones::*Plugin::options},
 * required ones marked), object ids ({@code pve-sdn-zone-id}, {@code pve-sdn-vnet-id}), a vnet's tag for its zone's
 * type ({@code vnet_update_hook}) and a subnet's gateway. Messages are PVE's.
 */
final class SdnRules {
    private static final Set<String> COMMON = Set.of("nodes", "mtu", "ipam", "dns", "reversedns", "dnszone");
    private static final Map<String, Set<String>> OPTIONS = Map.of(
            "simple", Set.of("dhcp"),
            "vlan", Set.of("bridge", "bridge-disable-mac-learning"),
            "qinq", Set.of("bridge", "tag", "vlan-protocol"),
            "vxlan", Set.of("peers", "vxlan-port", "fabric"),
            "evpn", Set.of("controller", "vrf-vxlan", "mac", "exitnodes", "exitnodes-primary", "exitnodes-local-routing",
                    "advertise-subnets", "disable-arp-nd-suppression", "rt-import", "secondary-controllers", "dhcp"),
            "faucet", Set.of("dp-id"));
    private static final Map<String, Set<String>> REQUIRED = Map.of(
            "vlan", Set.of("bridge"),
            "qinq", Set.of("bridge", "tag"),
            "evpn", Set.of("controller", "vrf-vxlan"));

    private SdnRules() {
    }

    /** @throws ApiException 400 for an id {@code pve-sdn-zone-id} / {@code pve-sdn-vnet-id} refuses */
    static void id(String param, String what, String id) {
        if (!id.matches("(?i)[a-z][a-z0-9]*[a-z0-9]")) {
            throw ApiException.parameter(param, "invalid format - " + what + " ID '" + id + "' contains illegal characters");
        }
        if (id.length() > 8) {
            throw ApiException.parameter(param, "invalid format - " + what + " ID '" + id + "' can't be more length than 8 characters");
        }
    }

    /** @throws ApiException 400 for a key the zone type has no option for, or a missing required one */
    static void zone(String type, Map<String, Object> keys) {
        Set<String> own = OPTIONS.getOrDefault(type, Set.of());
        for (String k : keys.keySet()) {
            if (!k.equals("type") && !COMMON.contains(k) && !own.contains(k)) {
                throw ApiException.parameter(k, "property is not defined in schema and the schema does not allow additional properties");
            }
        }
        for (String k : REQUIRED.getOrDefault(type, Set.of())) {
            if (!keys.containsKey(k)) {
                throw ApiException.parameter(k, "property is missing and it is not optional");
            }
        }
    }

    /** @throws ApiException for a tag the zone's type refuses or another vnet of a VXLAN/EVPN zone has */
    static void vnetTag(String vnet, Map<String, Object> keys, String zoneType, Map<String, Map<String, Object>> vnets,
                        Map<String, Map<String, Object>> zones) {
        Object tag = keys.get("tag");
        switch (zoneType) {
            case "simple" -> {
                if (tag != null) {
                    throw ApiException.parameter("tag", "vlan tag is not allowed on simple zone");
                }
            }
            case "vlan", "qinq" -> {
                if (tag == null) {
                    throw ApiException.parameter("tag", "missing vlan tag");
                }
                if (Long.parseLong(String.valueOf(tag)) > 4096) {
                    throw ApiException.parameter("tag", "vlan tag max value is 4096");
                }
            }
            case "vxlan", "evpn" -> {
                if (tag == null) {
                    throw ApiException.parameter("tag", "missing vxlan tag");
                }
                if (Long.parseLong(String.valueOf(tag)) > 16_777_216) {
                    throw ApiException.parameter("tag", "vxlan tag max value is 16777216");
                }
                vnets.forEach((id, other) -> {
                    Map<String, Object> z = zones.get(String.valueOf(other.get("zone")));
                    boolean vxlan = z != null && Set.of("vxlan", "evpn").contains(String.valueOf(z.get("type")));
                    if (!id.equals(vnet) && vxlan && String.valueOf(tag).equals(String.valueOf(other.get("tag")))) {
                        throw ApiException.failed("tag " + tag + " already exist in vnet " + id);
                    }
                });
            }
            default -> {
            }
        }
    }

    /** @throws ApiException 400 when an IPv4 gateway lies outside the subnet */
    static void gateway(String cidr, Object gateway) {
        if (gateway == null || !cidr.contains(".")) {
            return;
        }
        String[] c = cidr.split("/");
        int bits = Integer.parseInt(c[1]);
        long mask = bits == 0 ? 0 : (0xFFFFFFFFL << (32 - bits)) & 0xFFFFFFFFL;
        if ((ipv4(c[0]) & mask) != (ipv4(String.valueOf(gateway)) & mask)) {
            throw ApiException.parameter("gateway", "gateway ip " + gateway + " is not in subnet " + cidr);
        }
    }

    private static long ipv4(String ip) {
        String[] p = ip.split("\\.");
        if (p.length != 4) {
            return -1;
        }
        long v = 0;
        for (String s : p) {
            v = (v << 8) | Integer.parseInt(s);
        }
        return v;
    }
}
