package dev.proxmoxmpc.plugin.testing.check;

import dev.proxmoxmpc.spi.diag.Severity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One check of a test file: its type ({@code config}), the severity a person may set, and its parameters
 * ({@code field: cores, expected: 2}), in the order written.
 *
 * @param type     the check type, one of {@link CheckTypes#ALL}
 * @param severity the severity set in the file, if any (else the type's default)
 * @param params   the other keys; values are strings, numbers, or lists of strings
 */
public record Check(String type, Optional<Severity> severity, Map<String, Object> params) {
    public Check {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(severity, "severity");
        params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** @return a check with these parameters (key, value, key, value ...) and the type's default severity. */
    public static Check of(String type, Object... keyValues) {
        Map<String, Object> p = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            p.put((String) keyValues[i], keyValues[i + 1]);
        }
        return new Check(type, Optional.empty(), p);
    }

    /** @return a copy with an explicit severity. */
    public Check withSeverity(Severity s) {
        return new Check(type, Optional.of(s), params);
    }

    /** @return the severity that applies: the file's, else the type's default. */
    public Severity effectiveSeverity() {
        return severity.orElse(CheckTypes.defaultSeverity(type));
    }

    /** @return a parameter as text, {@code ""} when missing. */
    public String text(String key) {
        Object v = params.get(key);
        return v == null ? "" : String.valueOf(v);
    }

    /** @return a numeric parameter, {@code dflt} when missing. */
    public double number(String key, double dflt) {
        Object v = params.get(key);
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v == null || String.valueOf(v).isBlank()) {
            return dflt;
        }
        try {
            return Double.parseDouble(String.valueOf(v).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a number, got '" + v + "'");
        }
    }

    /** @return a list parameter as texts (a single value is a list of one). */
    public List<String> list(String key) {
        Object v = params.get(key);
        if (v instanceof List<?> l) {
            return l.stream().map(String::valueOf).toList();
        }
        return v == null ? List.of() : List.of(String.valueOf(v));
    }
}
