package dev.proxmoxmpc.spi.model;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** Helpers shared by the guest records. */
final class Guests {
    /** Between the tags of {@code tags}: PVE takes {@code ;}, {@code ,} and spaces. */
    static final Pattern TAG_SEPARATORS = Pattern.compile("[;, ]+");

    private Guests() {}

    /** @return {@code scsi} of {@code scsi10}: the key without its trailing digits */
    static String slotLetters(String key) {
        return key.substring(0, key.length() - trailingDigits(key));
    }

    /** @return {@code 10} of {@code scsi10}, or -1 when the key ends in no digit */
    static int slotNumber(String key) {
        int n = trailingDigits(key);
        return n == 0 ? -1 : Integer.parseInt(key.substring(key.length() - n));
    }

    private static int trailingDigits(String key) {
        int i = key.length();
        while (i > 0 && key.charAt(i - 1) >= '0' && key.charAt(i - 1) <= '9') {
            i--;
        }
        return key.length() - i;
    }

    static Map<String, String> normalize(Map<String, String> config) {
        Objects.requireNonNull(config, "config");
        TreeMap<String, String> copy = new TreeMap<>();
        config.forEach((k, v) -> {
            Objects.requireNonNull(k, "config key");
            Objects.requireNonNull(v, () -> "config value of " + k);
            if (!k.equals("digest")) {
                copy.put(k, v);
            }
        });
        return java.util.Collections.unmodifiableMap(copy);
    }

    static Map<String, String> with(Map<String, String> config, String key, String value) {
        TreeMap<String, String> copy = new TreeMap<>(config);
        if (value.isEmpty()) {
            copy.remove(key);
        } else {
            copy.put(key, value);
        }
        return copy;
    }
}
