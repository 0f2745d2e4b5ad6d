package dev.proxmoxmpc.plugin.simulator.sdn;

import java.util.List;
import java.util.Map;

/**
 * The SDN a scenario starts with, applied: zones ({@code zone}, {@code type} and the type's options), vnets
 * ({@code vnet}, {@code zone}, {@code tag}, {@code alias}, ...) and subnets ({@code vnet}, {@code subnet} as a CIDR,
 * {@code gateway}, {@code snat}, {@code dhcp-range} a list, ...), each a map of API parameters.
 */
public record SdnSeed(List<Map<String, Object>> zones, List<Map<String, Object>> vnets, List<Map<String, Object>> subnets) {
    public static final SdnSeed NONE = new SdnSeed(null, null, null);

    public SdnSeed {
        zones = zones == null ? List.of() : List.copyOf(zones);
        vnets = vnets == null ? List.of() : List.copyOf(vnets);
        subnets = subnets == null ? List.of() : List.copyOf(subnets);
    }
}
