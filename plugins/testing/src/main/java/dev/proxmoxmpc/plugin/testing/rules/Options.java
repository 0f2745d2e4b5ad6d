package dev.proxmoxmpc.plugin.testing.rules;

import java.util.Locale;
import java.util.Map;

/** Reads a rule's options from policies.yml. */
final class Options {
    private Options() {}

    static double number(Map<String, Object> options, String key, double dflt) {
        Object v = options.get(key);
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof String s) {
            try {
                return Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("option " + key + " must be a number, got '" + s + "'");
            }
        }
        return dflt;
    }

    static String format(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : String.format(Locale.ROOT, "%.2f", d);
    }
}
