package dev.proxmoxmpc.plugin.terraform.mapping;

import dev.proxmoxmpc.spi.model.PropertyString;
import java.util.List;
import java.util.Map;

/**
 * One attribute of a storage resource and the {@code storage.cfg} key behind it.
 *
 * @param tf         the attribute
 * @param pve        the config key
 * @param kind       how the value is written
 * @param required   the provider requires it
 * @param tfDefault  for a bool: what the provider assumes when the attribute is left out (null: nothing, it is not
 *                   managed then)
 * @param pveDefault for a bool: what PVE assumes when the key is unset
 */
record StorageField(String tf, String pve, Kind kind, boolean required, Boolean tfDefault, boolean pveDefault) {
    enum Kind { STRING, SET, BOOL }

    static StorageField required(String tf, String pve) {
        return new StorageField(tf, pve, Kind.STRING, true, null, false);
    }

    static StorageField str(String tf, String pve) {
        return new StorageField(tf, pve, Kind.STRING, false, null, false);
    }

    /**
     * A set of strings (content, nodes): optional and computed, so leaving it out keeps what the server has; the same
     * items in another order are the same value.
     */
    static StorageField set(String tf, String pve) {
        return new StorageField(tf, pve, Kind.SET, false, null, false);
    }

    static StorageField bool(String tf, String pve, Boolean tfDefault, boolean pveDefault) {
        return new StorageField(tf, pve, Kind.BOOL, false, tfDefault, pveDefault);
    }

    /** @return the value to write for the config value {@code v} (null when unset), or null to leave it out. */
    Object write(String v) {
        boolean unset = v == null || v.isBlank();
        return switch (kind) {
            case STRING -> unset ? null : v;
            // a set: its order does not matter to Terraform; PVE's order is kept, so that a storage read back from the
            // file alone (a fresh project's /import) has the server's very value and no order-only conflict
            case SET -> unset ? null : items(v).stream().distinct().toList();
            case BOOL -> {
                boolean value = unset ? pveDefault : PropertyString.truthy(v);
                if (tfDefault == null) {
                    yield unset ? null : value;
                }
                yield value == tfDefault ? null : value;
            }
        };
    }

    /** Lays an evaluated attribute value (null: left out, {@link Unknown#VALUE}: keep) over {@code config}. */
    void read(Object value, Map<String, String> config) {
        if (value == Unknown.VALUE) {
            return;
        }
        String now = config.get(pve);
        switch (kind) {
            case STRING -> {
                String text = Pve.text(value);
                if (!text.equals(now == null ? "" : now)) {
                    put(config, text);
                }
            }
            case SET -> {
                if (value instanceof List<?> l) {
                    List<String> wanted = Pve.strings(l);
                    if (!items(now).stream().sorted().distinct().toList().equals(wanted.stream().sorted().distinct().toList())) {
                        put(config, String.join(",", wanted));
                    }
                }
            }
            case BOOL -> {
                if (value == null && tfDefault == null) {
                    config.remove(pve);
                    return;
                }
                if (value != null && !(value instanceof Boolean)) {
                    return;
                }
                boolean wanted = value == null ? tfDefault : (Boolean) value;
                boolean has = now == null || now.isBlank() ? pveDefault : PropertyString.truthy(now);
                if (wanted != has) {
                    config.put(pve, wanted ? "1" : "0");
                }
            }
            default -> throw new IllegalStateException(kind.name());
        }
    }

    private void put(Map<String, String> config, String text) {
        if (text.isEmpty()) {
            config.remove(pve);
        } else {
            config.put(pve, text);
        }
    }

    private static List<String> items(String v) {
        return Pve.list(v, "[,; ]+");
    }
}
