package dev.proxmoxmpc.plugin.simulator.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Checks one value against its schema the way PVE::JSONSchema does: type, enum, range, length, pattern and format
 * (property-string formats through {@link PropertyStringFormat}). Messages are PVE's.
 */
public final class ValueChecker {
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern ANY = Pattern.compile(".*", Pattern.DOTALL);
    private static final java.util.Map<String, Pattern> PATTERNS = new java.util.concurrent.ConcurrentHashMap<>();
    private static final List<String> LENIENT_TRUE = List.of("1", "on", "yes", "true");
    private static final List<String> LENIENT_FALSE = List.of("0", "off", "no", "false");

    private ValueChecker() {
    }

    /**
     * @param lenientBoolean inside a property string booleans may be {@code on/off/yes/no/true/false}
     * @return the error message, or {@code null} when the value is valid
     */
    public static String check(String value, JsonNode schema, boolean lenientBoolean) {
        String type = schema.path("type").asText("string");
        switch (type) {
            case "boolean" -> {
                String v = value.toLowerCase(Locale.ROOT);
                boolean ok = lenientBoolean ? LENIENT_TRUE.contains(v) || LENIENT_FALSE.contains(v)
                        : value.equals("0") || value.equals("1");
                return ok ? null : "type check ('boolean') failed - got '" + value + "'";
            }
            case "integer" -> {
                if (!INTEGER.matcher(value.trim()).matches()) {
                    return "type check ('integer') failed - got '" + value + "'";
                }
                return range(Double.parseDouble(value.trim()), schema);
            }
            case "number" -> {
                if (!NUMBER.matcher(value.trim()).matches()) {
                    return "type check ('number') failed - got '" + value + "'";
                }
                return range(Double.parseDouble(value.trim()), schema);
            }
            case "array" -> {
                return null;
            }
            default -> {
                return checkString(value, schema);
            }
        }
    }

    /** @return a boolean written leniently as 0/1. */
    public static String normaliseBoolean(String value) {
        return LENIENT_TRUE.contains(value.toLowerCase(Locale.ROOT)) ? "1" : "0";
    }

    private static String range(double v, JsonNode schema) {
        if (schema.has("minimum") && v < schema.get("minimum").asDouble()) {
            return "value must have a minimum value of " + schema.get("minimum").asText();
        }
        if (schema.has("maximum") && v > schema.get("maximum").asDouble()) {
            return "value must have a maximum value of " + schema.get("maximum").asText();
        }
        return null;
    }

    private static String checkString(String value, JsonNode schema) {
        if (schema.has("enum")) {
            List<String> values = new ArrayList<>();
            schema.get("enum").forEach(v -> values.add(v.asText()));
            if (!values.contains(value)) {
                return "value '" + value + "' does not have a value in the enumeration '" + String.join(", ", values) + "'";
            }
        }
        if (schema.has("maxLength") && value.length() > schema.get("maxLength").asInt()) {
            return "value may only be " + schema.get("maxLength").asInt() + " characters long";
        }
        if (schema.has("minLength") && value.length() < schema.get("minLength").asInt()) {
            return "value must be at least " + schema.get("minLength").asInt() + " characters long";
        }
        if (schema.has("pattern") && !matches(schema.get("pattern").asText(), value)) {
            return "value does not match the regex pattern";
        }
        JsonNode format = schema.get("format");
        if (format == null) {
            return null;
        }
        if (format.isObject()) {
            try {
                PropertyStringFormat.of(format).parse(value);
                return null;
            } catch (PropertyStringFormat.FormatException e) {
                return "invalid format - " + e.getMessage();
            }
        }
        String err = NamedFormats.check(format.asText(), value, schema.path("typetext").asText(""));
        return err == null ? null : "invalid format - " + err;
    }

    /** Matches a Perl pattern from the schema, anchored like PVE ({@code ^pattern$}). */
    static boolean matches(String perlPattern, String value) {
        Pattern compiled = PATTERNS.computeIfAbsent(perlPattern, ValueChecker::compile);
        return compiled == ANY || compiled.matcher(value).matches();
    }

    private static Pattern compile(String perlPattern) {
        String p = perlPattern.replace("(?^:", "(?:").replace("(?^i:", "(?i:");
        try {
            return Pattern.compile("^(?:" + p + ")$");
        } catch (PatternSyntaxException e) {
            return ANY;
        }
    }
}
