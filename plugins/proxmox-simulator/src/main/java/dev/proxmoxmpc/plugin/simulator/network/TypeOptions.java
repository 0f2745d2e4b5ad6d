package dev.proxmoxmpc.plugin.simulator.network;

import static dev.proxmoxmpc.plugin.simulator.network.InterfacesConfig.text;
import static dev.proxmoxmpc.plugin.simulator.network.InterfacesConfig.truthy;

import dev.proxmoxmpc.plugin.simulator.error.ApiException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The type-specific lines of a stanza's first block, as pve-common writes them: a bridge always gets
 * {@code bridge-ports} ({@code none} when empty), {@code bridge-stp} and {@code bridge-fd}, and
 * {@code bridge-vids 2-4094} when VLAN-aware without a list; a bond {@code bond-slaves}, {@code bond-miimon 100}
 * and {@code bond-mode balance-rr} unless set.
 */
final class TypeOptions {
    private TypeOptions() {
    }

    /** Appends the lines and marks the attributes they cover as written. */
    static void write(String name, Map<String, Object> d, StringBuilder raw, Set<String> done) {
        switch (text(d, "type")) {
            case "bridge" -> bridge(d, raw, done);
            case "bond" -> bond(d, raw, done);
            case "vlan" -> {
                String protocol = text(d, "vlan-protocol");
                if (!protocol.isEmpty() && !protocol.equals("802.1ad") && !protocol.equals("802.1q")) {
                    throw ApiException.failed(name + ": wrong vlan-protocol " + protocol);
                }
            }
            default -> { }
        }
    }

    private static void bridge(Map<String, Object> d, StringBuilder raw, Set<String> done) {
        String ports = text(d, "bridge_ports").trim().replaceAll("[;,\\s]+", " ");
        line(raw, "bridge-ports", ports.isEmpty() ? "none" : ports);
        String stp = d.containsKey("bridge_stp") ? text(d, "bridge_stp") : "off";
        line(raw, "bridge-stp", stp);
        String fd = text(d, "bridge_fd");
        if (!fd.isEmpty()) {
            if (stp.equals("off") || fd.matches("\\d+") && Integer.parseInt(fd) >= 2 && Integer.parseInt(fd) <= 30) {
                line(raw, "bridge-fd", fd);
            }
        } else if (stp.equals("off")) {
            line(raw, "bridge-fd", "0");
        }
        if (truthy(d, "bridge_vlan_aware")) {
            line(raw, "bridge-vlan-aware", "yes");
            line(raw, "bridge-vids", truthy(d, "bridge_vids") ? text(d, "bridge_vids") : "2-4094");
        }
        if (truthy(d, "mtu")) {
            line(raw, "mtu", text(d, "mtu"));
        }
        done.addAll(List.of("bridge_ports", "bridge_stp", "bridge_fd", "bridge_vlan_aware", "bridge_vids", "mtu",
                "bridge-disable-mac-learning"));
    }

    private static void bond(Map<String, Object> d, StringBuilder raw, Set<String> done) {
        String slaves = text(d, "slaves").trim().replaceAll("[;,\\s]+", " ");
        line(raw, "bond-slaves", slaves.isEmpty() ? "none" : slaves);
        line(raw, "bond-miimon", d.containsKey("bond_miimon") ? text(d, "bond_miimon") : "100");
        String mode = d.containsKey("bond_mode") ? text(d, "bond_mode") : "balance-rr";
        line(raw, "bond-mode", mode);
        if (truthy(d, "bond_xmit_hash_policy") && (mode.equals("balance-xor") || mode.equals("802.3ad"))) {
            line(raw, "bond-xmit-hash-policy", text(d, "bond_xmit_hash_policy"));
        }
        if (mode.equals("active-backup") && truthy(d, "bond-primary")) {
            line(raw, "bond-primary", text(d, "bond-primary"));
        }
        if (truthy(d, "mtu")) {
            line(raw, "mtu", text(d, "mtu"));
        }
        done.addAll(List.of("slaves", "bond_miimon", "bond_mode", "bond_xmit_hash_policy", "bond-primary", "mtu"));
    }

    private static void line(StringBuilder raw, String key, String value) {
        raw.append('\t').append(key).append(' ').append(value).append('\n');
    }
}
