package dev.proxmoxmpc.plugin.resources.vm;

import dev.proxmoxmpc.plugin.resources.check.Values;
import dev.proxmoxmpc.spi.command.UsageException;
import dev.proxmoxmpc.spi.model.PropertyString;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A cloud-init {@code --ip} value: {@code dhcp}, {@code 10.0.0.5/24,gw=10.0.0.1}, or the full form
 * {@code ip=10.0.0.5/24,gw=10.0.0.1,ip6=auto}. PVE keeps {@code ipconfigN} as sent; we send {@code ip, gw, ip6, gw6}.
 */
public final class IpArg {
    private IpArg() {}

    /** @return the {@code ipconfigN} value. */
    public static String parse(String option, String value) {
        PropertyString spec = PropertyString.parse(value.trim());
        Map<String, String> out = new LinkedHashMap<>();
        String ip = null;
        String gw = null;
        String ip6 = null;
        String gw6 = null;
        for (PropertyString.Entry e : spec.entries()) {
            switch (e.key()) {
                case "", "ip" -> ip = e.value().equals("dhcp") ? "dhcp" : Values.cidr4(option, e.value());
                case "gw" -> gw = Values.ip4(option + " gw", e.value());
                case "ip6" -> ip6 = e.value().equals("dhcp") || e.value().equals("auto") ? e.value() : Values.cidr6(option, e.value());
                case "gw6" -> {
                    if (!Values.ipv6(e.value())) {
                        throw new UsageException(option + " gw6 '" + e.value() + "' is not an IPv6 address");
                    }
                    gw6 = e.value();
                }
                default -> throw new UsageException(option + ": unknown key '" + e.key() + "' (use ip, gw, ip6, gw6)");
            }
        }
        if (ip == null && ip6 == null) {
            throw new UsageException(option + " needs an address: dhcp or CIDR like 10.0.0.5/24[,gw=10.0.0.1]");
        }
        if ("dhcp".equals(ip) && gw != null) {
            throw new UsageException(option + ": a gateway makes no sense with dhcp");
        }
        put(out, "ip", ip);
        put(out, "gw", gw);
        put(out, "ip6", ip6);
        put(out, "gw6", gw6);
        StringBuilder sb = new StringBuilder();
        out.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ",").append(k).append('=').append(v));
        return sb.toString();
    }

    private static void put(Map<String, String> m, String k, String v) {
        if (v != null) {
            m.put(k, v);
        }
    }
}
