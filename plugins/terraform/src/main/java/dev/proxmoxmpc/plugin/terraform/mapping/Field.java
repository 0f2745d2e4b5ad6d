package dev.proxmoxmpc.plugin.terraform.mapping;

import dev.proxmoxmpc.plugin.terraform.hcl.HclValue;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * One HCL attribute mapped to a part of a source object {@code T} (a guest, a disk, a NIC...), used in both
 * directions so that generate and import agree. {@code get} gives the value as the provider reads it back (null =
 * unset); {@code dflt} is the provider's value when the attribute is omitted; the generator writes the attribute
 * when {@code always} or when it differs from {@code dflt}; the importer calls {@code set} only when the file's
 * value (or {@code dflt} when absent) differs from what {@code get} reads from the base, so an unchanged field
 * keeps its base string byte for byte. An attribute the generator always writes ({@code always}) that the file
 * states but the base lacks is set even when it equals the default, so a new NIC keeps its model and bridge.
 *
 * @param <T> the mapped object
 */
public record Field<T>(String name, Object dflt, boolean always, Function<T, Object> get, BiFunction<T, Object, T> set) {
    public Field {
        Objects.requireNonNull(name, "name");
        dflt = HclValue.normalize(dflt);
    }

    /** @return the value to write, or null to omit the attribute. */
    public Object emitted(T src) {
        Object v = semantic(src);
        if (v == null) {
            return null;
        }
        return always || !v.equals(dflt) ? v : null;
    }

    /** @return the value the provider sees for {@code src}: {@code get}, else {@code dflt}. */
    public Object semantic(T src) {
        Object v = canonical(get.apply(src));
        return v == null ? dflt : v;
    }

    /** @return {@code base} with the file's value laid over it (null/absent = {@code dflt}); Unknown keeps base. */
    public T apply(T base, Object fileValue) {
        if (fileValue == Unknown.VALUE) {
            return base;
        }
        Object have = semantic(base);
        Object want = canonical(fileValue);
        want = want == null ? dflt : coerce(want, have != null ? have : dflt);
        boolean spelledOut = always && want != null && canonical(fileValue) != null && canonical(get.apply(base)) == null;
        return Objects.equals(want, have) && !spelledOut ? base : set.apply(base, want);
    }

    /** Terraform converts "true" and "4" to the attribute's type; so does the importer. */
    static Object coerce(Object v, Object like) {
        if (v instanceof String s && like instanceof Boolean && (s.equals("true") || s.equals("false"))) {
            return Boolean.valueOf(s);
        }
        if (v instanceof String s && (like instanceof Long || like instanceof java.math.BigDecimal)) {
            try {
                return HclValue.normalize(new java.math.BigDecimal(s.trim()));
            } catch (NumberFormatException e) {
                return v;
            }
        }
        if ((v instanceof Long || v instanceof java.math.BigDecimal || v instanceof Boolean) && like instanceof String) {
            return v.toString();
        }
        return v;
    }

    static Object canonical(Object v) {
        Object n = HclValue.normalize(v);
        if (n instanceof List<?> l && l.isEmpty()) {
            return null;
        }
        if (n instanceof String s && s.isEmpty()) {
            return null;
        }
        return n;
    }
}
