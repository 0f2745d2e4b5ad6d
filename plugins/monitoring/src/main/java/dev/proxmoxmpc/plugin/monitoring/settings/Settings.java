package dev.proxmoxmpc.plugin.monitoring.settings;

import java.util.Map;

/**
 * Reads the plugin's section of {@code .proxmox/config.yml}: {@code generators.monitoring} (the options the SPI hands
 * to the generator of that id, and to this plugin's commands through {@code ProjectConfig.generatorOptions}).
 * Values may be numbers or strings; a value of the wrong kind is an {@link IllegalArgumentException} naming the key.
 */
public final class Settings {
    /** The section's key below {@code generators}. */
    public static final String SECTION = "monitoring";
    private final Map<String, Object> values;
    private final String prefix;

    public Settings(Map<String, Object> values) {
        this(values, "generators." + SECTION);
    }

    private Settings(Map<String, Object> values, String prefix) {
        this.values = values == null ? Map.of() : values;
        this.prefix = prefix;
    }

    /** @return the sub-section {@code key} (empty when absent). */
    public Settings section(String key) {
        Object v = values.get(key);
        if (v != null && !(v instanceof Map)) {
            throw new IllegalArgumentException(prefix + "." + key + " must be a mapping");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> m = v == null ? Map.of() : (Map<String, Object>) v;
        return new Settings(m, prefix + "." + key);
    }

    /** @return whether the key is set. */
    public boolean has(String key) {
        return values.containsKey(key);
    }

    /** @return the keys set here, in the file's order. */
    public Iterable<String> keys() {
        return values.keySet();
    }

    /** @return a number, {@code dflt} when absent. */
    public double number(String key, double dflt) {
        Object v = values.get(key);
        if (v == null) {
            return dflt;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return Double.parseDouble(String.valueOf(v).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(prefix + "." + key + " must be a number, got '" + v + "'");
        }
    }

    /** @return a text, {@code dflt} when absent. */
    public String text(String key, String dflt) {
        Object v = values.get(key);
        return v == null ? dflt : String.valueOf(v);
    }

    /** @return the path of this section in config.yml, for messages. */
    public String path() {
        return prefix;
    }
}
