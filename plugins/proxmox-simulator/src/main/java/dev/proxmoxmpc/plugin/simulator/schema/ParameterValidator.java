package dev.proxmoxmpc.plugin.simulator.schema;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proxmoxmpc.plugin.simulator.error.ApiException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Validates a request's parameters against its schema endpoint (values, missing required ones, a parameter's
 * {@code requires} companion); a failure is PVE's 400 with per-parameter errors.
 */
public final class ParameterValidator {
    private ParameterValidator() {
    }

    /** @throws ApiException 400 {@code Parameter verification failed.} listing each bad parameter */
    public static void validate(Endpoint endpoint, Map<String, String> params) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : params.entrySet()) {
            JsonNode schema = endpoint.parameter(e.getKey()).orElse(null);
            if (schema == null) {
                if (!endpoint.additionalProperties()) {
                    errors.put(e.getKey(), "property is not defined in schema and the schema does not allow additional properties");
                }
                continue;
            }
            String err = checkValue(e.getValue(), schema);
            if (err != null) {
                errors.put(e.getKey(), err);
            }
            String requires = schema.path("requires").asText("");
            if (!requires.isEmpty() && !params.containsKey(requires)) {
                errors.put(requires, "missing property - '" + e.getKey() + "' requires this property");
            }
        }
        endpoint.namedParameters().forEach((name, schema) -> {
            if (schema.path("optional").asInt(0) != 1 && !params.containsKey(name) && !errors.containsKey(name)) {
                errors.put(name, "property is missing and it is not optional");
            }
        });
        if (!errors.isEmpty()) {
            throw ApiException.parameters(errors);
        }
    }

    private static String checkValue(String value, JsonNode schema) {
        if (schema.path("type").asText().equals("array") || value.indexOf('\0') < 0) {
            return ValueChecker.check(value, schema, false);
        }
        for (String v : value.split("\0")) {
            String err = ValueChecker.check(v, schema, false);
            if (err != null) {
                return err;
            }
        }
        return null;
    }
}
