package dev.proxmoxmpc.spi.provider;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The {@code data} member of one API answer as plain Java values, for plugins that read what the resource model
 * does not carry (RRD series, backup jobs, certificates, cluster status). A value is a {@code Map<String, Object>}
 * (JSON object, keys in the server's order, JSON {@code null} members left out), a {@code List<Object>}, a
 * {@code String}, a {@code Long} or {@code Double}, or a {@code Boolean}; an answer whose data is {@code null} is
 * an empty map. Immutable.
 *
 * @param value the data, never null
 */
@API(status = EXPERIMENTAL, since = "1.0")
public record ApiData(Object value) {

    public ApiData {
        Objects.requireNonNull(value, "value");
    }

    /** @return the rows of a list answer ({@code GET /cluster/resources}); entries that are not objects are left out. */
    public List<Map<String, Object>> rows() {
        List<Map<String, Object>> out = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object e : list) {
                if (e instanceof Map<?, ?> m) {
                    out.add(object(m));
                }
            }
        }
        return List.copyOf(out);
    }

    /** @return the members of an object answer ({@code GET /nodes/pve1/status}); empty for any other shape. */
    public Map<String, Object> object() {
        return value instanceof Map<?, ?> m ? object(m) : Map.of();
    }

    /** @return the answer as text ({@code GET /cluster/nextid} answers {@code "100"}), empty for lists and objects. */
    public Optional<String> text() {
        return value instanceof Map || value instanceof List ? Optional.empty() : Optional.of(String.valueOf(value));
    }

    /** @return a member of a row as text, {@code ""} when missing (numbers as PVE prints them: {@code 4}, {@code 0.25}). */
    public static String string(Map<String, Object> row, String key) {
        Object v = row.get(key);
        return v == null || v instanceof Map || v instanceof List ? "" : String.valueOf(v);
    }

    /** @return a member of a row as a number, {@code dflt} when missing or not numeric (PVE sends some as strings). */
    public static double number(Map<String, Object> row, String key, double dflt) {
        Object v = row.get(key);
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof String s) {
            try {
                return Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                return dflt;
            }
        }
        if (v instanceof Boolean b) {
            return b ? 1 : 0;
        }
        return dflt;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Map<?, ?> m) {
        return (Map<String, Object>) Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }
}
