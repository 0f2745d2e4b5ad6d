package dev.proxmoxmpc.plugin.simulator.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One method of the schema: its parameters (numbered ones such as {@code net[n]} matched as {@code net0..net31}),
 * whether unknown parameters are allowed, its permission check and its return schema.
 */
public final class Endpoint {
    private static final Pattern RANGE = Pattern.compile("n is 0 to (\\d+)");
    private static final Map<String, Integer> DEFAULT_MAX = Map.ofEntries(
            Map.entry("net", 31), Map.entry("ipconfig", 31), Map.entry("unused", 255), Map.entry("hostpci", 15),
            Map.entry("usb", 14), Map.entry("serial", 3), Map.entry("numa", 7), Map.entry("virtiofs", 9),
            Map.entry("mp", 255), Map.entry("dev", 255), Map.entry("parallel", 2), Map.entry("ide", 3),
            Map.entry("sata", 5), Map.entry("scsi", 30), Map.entry("virtio", 15));

    private record Numbered(String prefix, int max, JsonNode schema) {
    }

    private final String method;
    private final String path;
    private final Map<String, JsonNode> params = new LinkedHashMap<>();
    private final List<Numbered> numbered = new ArrayList<>();
    private final boolean additionalProperties;
    private final JsonNode permissions;
    private final JsonNode returns;

    Endpoint(JsonNode e) {
        this.method = e.get("method").asText();
        this.path = e.get("path").asText();
        for (JsonNode p : e.get("parameters")) {
            String name = p.get("name").asText();
            if (name.endsWith("[n]")) {
                String prefix = name.substring(0, name.length() - 3);
                Matcher m = RANGE.matcher(p.path("description").asText());
                int max = m.find() ? Integer.parseInt(m.group(1)) : DEFAULT_MAX.getOrDefault(prefix, 31);
                numbered.add(new Numbered(prefix, max, p));
            } else {
                params.put(name, p);
            }
        }
        this.additionalProperties = e.path("parametersAdditionalProperties").asInt(0) == 1;
        this.permissions = e.path("permissions");
        this.returns = e.path("returns");
    }

    /** @return the number a numbered key ends with ({@code 0}, {@code 12}), or -1 when it is not one. */
    private static int index(String digits) {
        if (digits.isEmpty() || digits.length() > 4 || (digits.length() > 1 && digits.charAt(0) == '0')) {
            return -1;
        }
        for (int i = 0; i < digits.length(); i++) {
            if (!Character.isDigit(digits.charAt(i))) {
                return -1;
            }
        }
        return Integer.parseInt(digits);
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    /** @return the schema of a parameter as sent ({@code net0} finds {@code net[n]}). */
    public Optional<JsonNode> parameter(String name) {
        JsonNode p = params.get(name);
        if (p != null) {
            return Optional.of(p);
        }
        for (Numbered n : numbered) {
            if (name.startsWith(n.prefix()) && name.length() > n.prefix().length()) {
                String idx = name.substring(n.prefix().length());
                if (index(idx) >= 0 && index(idx) <= n.max()) {
                    return Optional.of(n.schema());
                }
            }
        }
        return Optional.empty();
    }

    /**
     * @return a stored value as PVE prints it back: a number for an integer or boolean parameter, else the text
     *     (what section-config files such as storage.cfg and resources.cfg answer)
     */
    public Object typedValue(String name, String value) {
        String type = parameter(name).map(p -> p.path("type").asText("string")).orElse("string");
        if ((type.equals("integer") || type.equals("boolean")) && value.matches("-?\\d{1,18}")) {
            return Long.parseLong(value);
        }
        return value;
    }

    /** @return the named (not numbered) parameters, in schema order. */
    public Map<String, JsonNode> namedParameters() {
        return params;
    }

    public boolean additionalProperties() {
        return additionalProperties;
    }

    public JsonNode permissions() {
        return permissions;
    }

    public JsonNode returns() {
        return returns;
    }
}
