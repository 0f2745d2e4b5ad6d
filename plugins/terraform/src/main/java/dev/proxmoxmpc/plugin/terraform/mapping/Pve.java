package dev.proxmoxmpc.plugin.terraform.mapping;

import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.PropertyString;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** Small conversions between PVE config strings and HCL values. */
final class Pve {
    private Pve() {}

    /** @return the config value, or null when unset. */
    static String str(Guest g, String key) {
        String v = g.value(key);
        return v.isEmpty() ? null : v;
    }

    /** @return a PVE 0/1 boolean with its default when unset. */
    static boolean bool(String v, boolean dflt) {
        return v == null || v.isEmpty() ? dflt : PropertyString.truthy(v);
    }

    /** @return the number as a Long or BigDecimal, null when unset or not a number. */
    static Object num(String v) {
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(v.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String text(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof BigDecimal d) {
            return d.stripTrailingZeros().toPlainString();
        }
        return v.toString();
    }

    static String flag(Object v) {
        return Boolean.TRUE.equals(v) ? "1" : "0";
    }

    static List<String> list(String v, String separators) {
        if (v == null || v.isBlank()) {
            return List.of();
        }
        return Arrays.stream(v.trim().split(separators)).filter(s -> !s.isEmpty()).toList();
    }

    @SuppressWarnings("unchecked")
    static List<String> strings(Object v) {
        return v == null ? List.of() : ((List<Object>) v).stream().map(Pve::text).toList();
    }

    /** @return PVE's URL-encoded {@code sshkeys} as one key per entry. */
    static List<String> sshKeys(String encoded) {
        if (encoded == null) {
            return List.of();
        }
        String plain = URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.UTF_8);
        return Arrays.stream(plain.split("\n")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** @return keys encoded the way PVE stores {@code sshkeys} (percent-encoding, {@code %0A} between keys). */
    static String encodeSshKeys(List<String> keys) {
        StringBuilder sb = new StringBuilder();
        byte[] bytes = (String.join("\n", keys) + "\n").getBytes(StandardCharsets.UTF_8);
        for (byte b : bytes) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-_.~".indexOf(c) >= 0) {
                sb.append((char) c);
            } else {
                sb.append('%').append(String.format("%02X", c));
            }
        }
        return sb.toString();
    }

    /** @return the option of a property string held in a config key, or null. */
    static String opt(Guest g, String key, String option) {
        String v = PropertyString.parse(g.value(key)).getOrEmpty(option);
        return v.isEmpty() ? null : v;
    }

    /** @return the config value of {@code key} with one option changed (null/"" removes it). */
    static String withOpt(Guest g, String key, String option, String value) {
        return PropertyString.parse(g.value(key)).with(option, value == null ? "" : value).format();
    }
}
