package dev.proxmoxmpc.plugin.simulator.network;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /etc/network/interfaces} parsed the way pve-common does: each interface's attributes by name (strings as
 * in the file, flags as {@code 1}, {@code families} as a list) and the lines that belong to no interface
 * ({@code source /etc/network/interfaces.d/*}). Mutable: the API handlers edit it, then it is written back.
 */
public final class InterfacesConfig {
    /** Interface name to its attributes; {@code lo} included. */
    public final Map<String, Map<String, Object>> ifaces = new LinkedHashMap<>();
    /** Top-level lines outside any interface stanza, in file order. */
    public final List<String> options = new ArrayList<>();

    /** @return the interface, or {@code null}. */
    public Map<String, Object> get(String iface) {
        return ifaces.get(iface);
    }

    /** @return the interface's attributes, created empty when missing. */
    Map<String, Object> getOrCreate(String iface) {
        return ifaces.computeIfAbsent(iface, k -> new LinkedHashMap<>());
    }

    /** @return an attribute as text, {@code ""} when missing (Perl's undef). */
    public static String text(Map<String, Object> d, String key) {
        Object v = d.get(key);
        return v == null ? "" : String.valueOf(v);
    }

    /** @return whether an attribute is set and not {@code ""} or {@code 0} (Perl truth). */
    public static boolean truthy(Map<String, Object> d, String key) {
        String v = text(d, key);
        return !v.isEmpty() && !v.equals("0");
    }

    /** @return the items of a port list attribute ({@code bridge_ports}, {@code slaves}), split on , ; and blanks. */
    public static List<String> list(Map<String, Object> d, String key) {
        List<String> out = new ArrayList<>();
        for (String p : text(d, key).split("[,;\\s]+")) {
            if (!p.isEmpty()) {
                out.add(p);
            }
        }
        return out;
    }
}
