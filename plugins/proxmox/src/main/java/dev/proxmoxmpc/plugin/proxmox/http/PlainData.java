package dev.proxmoxmpc.plugin.proxmox.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proxmoxmpc.spi.provider.ApiData;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns a JSON answer into the plain values of {@link ApiData} (maps, lists, strings, numbers, booleans). */
public final class PlainData {
    private PlainData() {
    }

    /** @return the data as {@link ApiData}; a JSON {@code null} or missing data is an empty object. */
    public static ApiData of(JsonNode data) {
        Object v = value(data);
        return new ApiData(v == null ? Map.of() : v);
    }

    private static Object value(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return null;
        }
        if (n.isObject()) {
            Map<String, Object> m = new LinkedHashMap<>();
            n.fields().forEachRemaining(e -> {
                Object v = value(e.getValue());
                if (v != null) {
                    m.put(e.getKey(), v);
                }
            });
            return Collections.unmodifiableMap(m);
        }
        if (n.isArray()) {
            List<Object> l = new ArrayList<>();
            n.forEach(e -> {
                Object v = value(e);
                if (v != null) {
                    l.add(v);
                }
            });
            return Collections.unmodifiableList(l);
        }
        if (n.isBoolean()) {
            return n.booleanValue();
        }
        if (n.isIntegralNumber()) {
            return n.longValue();
        }
        if (n.isNumber()) {
            return n.doubleValue();
        }
        return n.asText();
    }
}
