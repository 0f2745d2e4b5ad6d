package dev.proxmoxmpc.plugin.simulator.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A property-string format read from the schema's own {@code format} object: its keys, the default key (written
 * without {@code key=}), aliases and key aliases ({@code virtio=<mac>} meaning {@code model=virtio,macaddr=<mac>}).
 * Parses and prints property strings as PVE::JSONSchema does: default key first, then required keys, then the
 * optional ones, each group sorted by name. Independent of the SPI's parser on purpose.
 */
public final class PropertyStringFormat {
    private static final Map<JsonNode, PropertyStringFormat> CACHE = Collections.synchronizedMap(new IdentityHashMap<>());

    /** A property string that does not fit its format; the message is PVE's ({@code format error\nkey: ...}). */
    public static final class FormatException extends Exception {
        public FormatException(String message) {
            super(message, null, false, false);
        }
    }

    private final JsonNode format;
    private final String defaultKey;
    private final List<String> requiredKeys = new ArrayList<>();

    private PropertyStringFormat(JsonNode format) {
        this.format = format;
        String dk = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = format.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().path("default_key").asInt(0) == 1) {
                dk = e.getKey();
            }
            if (required(e.getValue())) {
                requiredKeys.add(e.getKey());
            }
        }
        this.defaultKey = dk;
    }

    public static PropertyStringFormat of(JsonNode format) {
        return CACHE.computeIfAbsent(format, PropertyStringFormat::new);
    }

    /** @return the key written without {@code key=}, or {@code null}. */
    public String defaultKey() {
        return defaultKey;
    }

    /** @return the sub-key schema, or {@code null}. */
    public JsonNode key(String name) {
        return format.get(name);
    }

    /** Parses, resolving aliases and checking every value; booleans come back as 0/1. */
    public Map<String, String> parse(String text) throws FormatException {
        Map<String, String> values = new LinkedHashMap<>();
        for (String part : split(text)) {
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            if (eq < 0) {
                if (defaultKey == null) {
                    throw new FormatException("value without key, but schema does not define a default key");
                }
                put(values, defaultKey, part);
                continue;
            }
            String k = part.substring(0, eq);
            String v = unquote(part.substring(eq + 1));
            JsonNode sub = format.get(k);
            if (sub == null) {
                throw new FormatException("invalid key in comma-separated list property: " + k);
            }
            if (sub.has("keyAlias")) {
                put(values, sub.get("keyAlias").asText(), k);
                put(values, sub.get("alias").asText(), v);
            } else if (sub.has("alias")) {
                put(values, sub.get("alias").asText(), v);
            } else {
                put(values, k, v);
            }
        }
        Map<String, String> errors = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : values.entrySet()) {
            JsonNode sub = format.get(e.getKey());
            String err = ValueChecker.check(e.getValue(), sub, true);
            if (err != null) {
                errors.put(e.getKey(), err);
            } else if (sub.path("type").asText().equals("boolean")) {
                e.setValue(ValueChecker.normaliseBoolean(e.getValue()));
            }
        }
        for (String k : requiredKeys) {
            if (!values.containsKey(k)) {
                errors.put(k, "property is missing and it is not optional");
            }
        }
        if (!errors.isEmpty()) {
            StringBuilder msg = new StringBuilder("format error");
            errors.forEach((k, m) -> msg.append('\n').append(k).append(": ").append(m));
            throw new FormatException(msg.toString());
        }
        return values;
    }

    /** Prints values the way the server writes them back. */
    public String print(Map<String, String> values) {
        List<String> parts = new ArrayList<>();
        String skip = null;
        if (defaultKey != null && values.containsKey(defaultKey)) {
            String dv = values.get(defaultKey);
            JsonNode aliasOfValue = format.get(dv);
            if (aliasOfValue != null && defaultKey.equals(aliasOfValue.path("keyAlias").asText(null))
                    && values.containsKey(aliasOfValue.get("alias").asText())) {
                skip = aliasOfValue.get("alias").asText();
                parts.add(dv + "=" + values.get(skip));
            } else {
                parts.add(dv);
            }
        }
        List<String> requiredKeys = new ArrayList<>();
        List<String> optionalKeys = new ArrayList<>();
        for (String k : values.keySet()) {
            if (k.equals(defaultKey) || k.equals(skip)) {
                continue;
            }
            JsonNode sub = format.get(k);
            (sub != null && required(sub) ? requiredKeys : optionalKeys).add(k);
        }
        Collections.sort(requiredKeys);
        Collections.sort(optionalKeys);
        requiredKeys.forEach(k -> parts.add(k + "=" + values.get(k)));
        optionalKeys.forEach(k -> parts.add(k + "=" + values.get(k)));
        return String.join(",", parts);
    }

    private static boolean required(JsonNode sub) {
        return !sub.has("alias") && sub.path("optional").asInt(0) != 1 && !sub.has("default");
    }

    private static void put(Map<String, String> values, String key, String value) throws FormatException {
        if (values.containsKey(key)) {
            throw new FormatException("duplicate key in comma-separated list property: " + key);
        }
        values.put(key, value);
    }

    private static String unquote(String v) {
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
            return v.substring(1, v.length() - 1).replace("\\\"", "\"");
        }
        return v;
    }

    private static List<String> split(String text) {
        List<String> parts = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' && (i == 0 || text.charAt(i - 1) != '\\')) {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                parts.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        parts.add(cur.toString());
        return parts;
    }
}
