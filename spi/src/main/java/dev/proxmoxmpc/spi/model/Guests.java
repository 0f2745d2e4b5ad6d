package dev.proxmoxmpc.spi.model;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** Helpers shared by the guest records. */
final class Guests {
    private Guests() {}

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
