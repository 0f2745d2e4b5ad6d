package dev.proxmoxmpc.plugin.terraform.hcl;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A value the generator writes: a string, a number, a bool, a list of strings or numbers, or a raw expression
 * ({@code var.endpoint}). Values are plain Java objects so the importer can compare them with what it parsed.
 */
public final class HclValue {
    private HclValue() {}

    /** A reference or other expression written verbatim. */
    public record Expr(String text) {
        public Expr {
            Objects.requireNonNull(text, "text");
        }
    }

    /** @return the normal form of a value: integral numbers as Long, other numbers as stripped BigDecimal. */
    public static Object normalize(Object v) {
        if (v instanceof Integer i) {
            return i.longValue();
        }
        if (v instanceof BigDecimal d) {
            BigDecimal s = d.stripTrailingZeros();
            return s.scale() <= 0 && s.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) < 0 ? (Object) s.longValueExact() : s;
        }
        if (v instanceof Double d) {
            return normalize(BigDecimal.valueOf(d));
        }
        if (v instanceof List<?> l) {
            return l.stream().map(HclValue::normalize).toList();
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new java.util.TreeMap<>();
            m.forEach((k, x) -> out.put(String.valueOf(k), normalize(x)));
            return out;
        }
        return v;
    }

    /**
     * @param v      the value
     * @param indent the indentation of the line the value starts on (for heredocs)
     * @return the HCL text of {@code v}
     */
    public static String render(Object v, String indent) {
        Object n = normalize(v);
        if (n instanceof String s) {
            return HclStrings.wantsHeredoc(s) ? HclStrings.heredoc(s, indent) : HclStrings.quote(s);
        }
        if (n instanceof Boolean || n instanceof Long) {
            return n.toString();
        }
        if (n instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (n instanceof Expr e) {
            return e.text();
        }
        if (n instanceof List<?> l) {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < l.size(); i++) {
                sb.append(i == 0 ? "" : ", ").append(render(l.get(i), indent));
            }
            return sb.append(']').toString();
        }
        if (n instanceof Map<?, ?> m) {
            return object(m, indent);
        }
        throw new IllegalArgumentException("no HCL form for " + (n == null ? "null" : n.getClass().getSimpleName()));
    }

    /**
     * An object, one key per line in key order, the {@code =} aligned as terraform fmt aligns them; a key that is not
     * an identifier ({@code keep-last} is one; {@code 1x} is not) is quoted.
     */
    private static String object(Map<?, ?> m, String indent) {
        if (m.isEmpty()) {
            return "{}";
        }
        List<String[]> lines = new java.util.ArrayList<>();
        int width = 0;
        for (Map.Entry<?, ?> e : m.entrySet()) {
            String k = String.valueOf(e.getKey());
            String key = k.matches("[A-Za-z_][A-Za-z0-9_-]*") ? k : HclStrings.quote(k);
            width = Math.max(width, key.length());
            lines.add(new String[] {key, render(e.getValue(), indent + "  ")});
        }
        StringBuilder sb = new StringBuilder("{\n");
        for (String[] l : lines) {
            sb.append(indent).append("  ").append(l[0]).append(" ".repeat(width - l[0].length())).append(" = ").append(l[1]).append('\n');
        }
        return sb.append(indent).append('}').toString();
    }
}
