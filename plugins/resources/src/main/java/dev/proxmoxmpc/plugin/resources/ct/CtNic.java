package dev.proxmoxmpc.plugin.resources.ct;

import dev.proxmoxmpc.plugin.resources.check.Values;
import dev.proxmoxmpc.spi.command.UsageException;
import dev.proxmoxmpc.spi.model.PropertyString;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A container {@code --net} value: {@code name=eth0,bridge=vmbr0,ip=dhcp|CIDR,gw=..,tag=10,firewall=1} (optionally
 * {@code net1=...}); formatted as PVE stores it: {@code name} first, the rest sorted, {@code type=veth}.
 *
 * @param slot    {@code net1} or empty for the next free slot
 * @param bridge  the bridge or empty for the default
 * @param options every key but bridge, normalised
 */
public record CtNic(Optional<String> slot, Optional<String> bridge, TreeMap<String, String> options) {

    public static CtNic parse(String value) {
        String v = value.trim();
        Optional<String> slot = Optional.empty();
        var m = java.util.regex.Pattern.compile("^(net([0-9]|[12][0-9]|3[01]))=(.*)$").matcher(v);
        if (m.matches() && !m.group(3).startsWith("=")) {
            String first = m.group(3);
            if (first.contains("=")) {
                slot = Optional.of(m.group(1));
                v = first;
            }
        }
        Optional<String> bridge = Optional.empty();
        TreeMap<String, String> opts = new TreeMap<>();
        for (PropertyString.Entry e : PropertyString.parse(v).entries()) {
            String k = e.key();
            String x = e.value();
            switch (k) {
                case "bridge" -> bridge = Optional.of(x);
                case "name" -> opts.put(k, iface(x));
                case "ip" -> opts.put(k, x.equals("dhcp") || x.equals("manual") ? x : Values.cidr4("--net ip", x));
                case "gw" -> opts.put(k, Values.ip4("--net gw", x));
                case "ip6" -> opts.put(k, x.equals("dhcp") || x.equals("auto") || x.equals("manual") ? x : Values.cidr6("--net ip6", x));
                case "gw6" -> opts.put(k, x);
                case "tag" -> opts.put(k, Integer.toString(Values.intIn("--net tag", x, 1, 4094)));
                case "firewall", "link_down" -> opts.put(k, Values.bool("--net " + k, x));
                case "mtu" -> opts.put(k, Integer.toString(Values.intIn("--net mtu", x, 64, 65535)));
                case "rate" -> opts.put(k, x);
                case "hwaddr" -> opts.put(k, x.toUpperCase(java.util.Locale.ROOT));
                default -> throw new UsageException("--net: unknown option '" + (k.isEmpty() ? x : k)
                        + "' (use name, bridge, ip, gw, ip6, gw6, tag, firewall, hwaddr, mtu, rate)");
            }
        }
        if ("dhcp".equals(opts.get("ip")) && opts.containsKey("gw")) {
            throw new UsageException("--net: a gateway makes no sense with ip=dhcp");
        }
        return new CtNic(slot, bridge, opts);
    }

    /** @return the value PVE stores for this NIC on {@code bridge}, named {@code defaultName} unless a name was given. */
    public String format(String bridgeName, String defaultName) {
        TreeMap<String, String> rest = new TreeMap<>(options);
        String name = rest.remove("name");
        rest.put("bridge", bridgeName);
        rest.putIfAbsent("type", "veth");
        StringBuilder sb = new StringBuilder("name=" + (name == null ? defaultName : name));
        rest.forEach((k, x) -> sb.append(',').append(k).append('=').append(x));
        return sb.toString();
    }

    private static String iface(String name) {
        if (!name.matches("[A-Za-z][A-Za-z0-9_.-]{0,15}")) {
            throw new UsageException("--net name '" + name + "' is not an interface name (like eth0)");
        }
        return name;
    }
}
