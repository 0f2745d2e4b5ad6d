package dev.proxmoxmpc.plugin.proxmox.http;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON reader (numbers kept exact) and the conversion of API values to the strings the model holds. */
public final class Json {
    /** Floats are read as exact BigDecimals so {@code 0.50} stays {@code 0.50}. */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();

    private Json() {}

    /**
     * @return the value as the server wrote it: strings verbatim, numbers in their JSON form, booleans as
     *     {@code 1}/{@code 0} (PVE's wire booleans), objects and arrays as compact JSON; {@code ""} for null
     */
    public static String text(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "";
        }
        if (value.isBoolean()) {
            return value.booleanValue() ? "1" : "0";
        }
        if (value.isBigDecimal()) {
            return value.decimalValue().toString();
        }
        if (value.isValueNode()) {
            return value.asText();
        }
        return value.toString();
    }

    /** @return every field of an object as strings, in the server's order; empty for non-objects. */
    public static Map<String, String> strings(JsonNode object) {
        Map<String, String> out = new LinkedHashMap<>();
        if (object != null && object.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                out.put(e.getKey(), text(e.getValue()));
            }
        }
        return out;
    }

    /** @return the field as a long (number or numeric string), or {@code dflt}. */
    public static long longValue(JsonNode object, String field, long dflt) {
        JsonNode v = object.get(field);
        if (v == null || v.isNull()) {
            return dflt;
        }
        if (v.isNumber()) {
            return v.longValue();
        }
        try {
            return (long) Double.parseDouble(v.asText().trim());
        } catch (NumberFormatException e) {
            return dflt;
        }
    }

    /** @return the field as text, or {@code ""}. */
    public static String string(JsonNode object, String field) {
        return text(object.get(field));
    }
}
