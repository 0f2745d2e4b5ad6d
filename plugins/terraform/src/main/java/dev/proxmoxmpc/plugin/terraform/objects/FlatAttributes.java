package dev.proxmoxmpc.plugin.terraform.objects;

import dev.proxmoxmpc.plugin.terraform.hcl.HclBlock;
import dev.proxmoxmpc.plugin.terraform.mapping.Unknown;
import dev.proxmoxmpc.spi.model.PropertyString;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * A table of PVE keys and the resource attributes they become, both ways, for resources whose attributes are the API's
 * keys renamed: strings, 0/1 booleans, numbers, lists ({@code 100,101} -> {@code ["100", "101"]}) and property maps
 * ({@code keep-last=3,keep-daily=7} -> {@code {keep-daily = "7", keep-last = "3"}}). Reading back keeps the base's
 * text where the value means the same (a list or map in another order), so nothing is planned for a reordering, and
 * keeps every key the table does not name.
 */
public final class FlatAttributes {
    /** How a value is written. */
    public enum As { STRING, BOOL, NUMBER, LIST, PROPERTIES }

    /**
     * @param pve       the API key
     * @param tf        the attribute
     * @param as        its form
     * @param separator for lists: the regex between items when reading the API's value
     * @param joiner    for lists: what goes between items when writing it back
     */
    public record Attribute(String pve, String tf, As as, String separator, String joiner) {
        public Attribute {
            Objects.requireNonNull(pve, "pve");
            Objects.requireNonNull(tf, "tf");
            Objects.requireNonNull(as, "as");
        }
    }

    private final List<Attribute> attributes;

    private FlatAttributes(List<Attribute> attributes) {
        this.attributes = List.copyOf(attributes);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a table in the order attributes are written. */
    public static final class Builder {
        private final List<Attribute> list = new ArrayList<>();

        public Builder string(String pve, String tf) {
            list.add(new Attribute(pve, tf, As.STRING, null, null));
            return this;
        }

        public Builder bool(String pve, String tf) {
            list.add(new Attribute(pve, tf, As.BOOL, null, null));
            return this;
        }

        public Builder number(String pve, String tf) {
            list.add(new Attribute(pve, tf, As.NUMBER, null, null));
            return this;
        }

        public Builder list(String pve, String tf, String separator, String joiner) {
            list.add(new Attribute(pve, tf, As.LIST, separator, joiner));
            return this;
        }

        public Builder properties(String pve, String tf) {
            list.add(new Attribute(pve, tf, As.PROPERTIES, null, null));
            return this;
        }

        public FlatAttributes build() {
            return new FlatAttributes(list);
        }
    }

    /** @return the attribute names, for {@link ObjectMapping#known} */
    public Set<String> names() {
        Set<String> out = new LinkedHashSet<>();
        attributes.forEach(a -> out.add(a.tf()));
        return out;
    }

    /** @return the API keys of {@code config} the table has no attribute for */
    public Set<String> unmapped(Map<String, String> config) {
        Set<String> out = new LinkedHashSet<>(new TreeMap<>(config).keySet());
        attributes.forEach(a -> out.remove(a.pve()));
        return out;
    }

    /** Writes every attribute {@code config} has a value for onto {@code r}, in table order. */
    public HclBlock write(HclBlock r, Map<String, String> config) {
        for (Attribute a : attributes) {
            String v = config.getOrDefault(a.pve(), "");
            if (!v.isEmpty()) {
                r.attr(a.tf(), hcl(a, v));
            }
        }
        return r;
    }

    /**
     * @return {@code base} with every attribute of the table as {@code r} has it: absent removes the key, an unknown
     *     value keeps the base's; keys the table does not name stay as they are
     */
    public Map<String, String> read(HclBlock r, Map<String, String> base, List<String> problems) {
        Map<String, String> out = new TreeMap<>(base);
        for (Attribute a : attributes) {
            Object v = r.get(a.tf());
            if (v == Unknown.VALUE) {
                continue;
            }
            String had = base.getOrDefault(a.pve(), "");
            String text = pve(a, v, problems);
            if (text == null) {
                continue;
            }
            if (text.isEmpty()) {
                out.remove(a.pve());
            } else if (!had.isEmpty() && same(a, had, text)) {
                out.put(a.pve(), had);
            } else {
                out.put(a.pve(), text);
            }
        }
        return out;
    }

    private static Object hcl(Attribute a, String v) {
        return switch (a.as()) {
            case STRING -> v;
            case BOOL -> PropertyString.truthy(v);
            case NUMBER -> number(v);
            case LIST -> Arrays.stream(v.trim().split(a.separator())).filter(s -> !s.isEmpty()).toList();
            case PROPERTIES -> properties(v);
        };
    }

    private static Object number(String v) {
        try {
            return new BigDecimal(v.trim());
        } catch (NumberFormatException e) {
            return v; // not a number after all: written as text, the schema check will say so
        }
    }

    private static Map<String, String> properties(String v) {
        Map<String, String> out = new TreeMap<>();
        for (String part : v.split(",")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                out.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
            }
        }
        return out;
    }

    /** @return the API's text for an evaluated value, {@code ""} for absent, {@code null} for a value of the wrong form */
    private static String pve(Attribute a, Object v, List<String> problems) {
        if (v == null) {
            return "";
        }
        switch (a.as()) {
            case BOOL -> {
                if (v instanceof Boolean b) {
                    return b ? "1" : "0";
                }
            }
            case NUMBER -> {
                if (v instanceof Long || v instanceof BigDecimal) {
                    return v instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString() : v.toString();
                }
            }
            case LIST -> {
                if (v instanceof List<?> l) {
                    List<String> items = new ArrayList<>();
                    l.forEach(x -> items.add(x instanceof BigDecimal d ? d.toPlainString() : String.valueOf(x)));
                    return String.join(a.joiner(), items);
                }
            }
            case PROPERTIES -> {
                if (v instanceof Map<?, ?> m) {
                    Map<String, String> sorted = new LinkedHashMap<>();
                    new TreeMap<>(m).forEach((k, x) -> sorted.put(String.valueOf(k), String.valueOf(x)));
                    List<String> parts = new ArrayList<>();
                    sorted.forEach((k, x) -> parts.add(k + "=" + x));
                    return String.join(",", parts);
                }
            }
            default -> {
                if (v instanceof String || v instanceof Long || v instanceof BigDecimal || v instanceof Boolean) {
                    return v instanceof BigDecimal d ? d.toPlainString() : v instanceof Boolean b ? (b ? "1" : "0") : v.toString();
                }
            }
        }
        problems.add(a.tf() + " is not a " + a.as().name().toLowerCase(java.util.Locale.ROOT) + " (ignored)");
        return null;
    }

    private static boolean same(Attribute a, String had, String now) {
        return switch (a.as()) {
            case LIST -> sortedItems(had, a).equals(sortedItems(now, a));
            case PROPERTIES -> properties(had).equals(properties(now));
            case NUMBER -> number(had) instanceof BigDecimal x && number(now) instanceof BigDecimal y && x.compareTo(y) == 0;
            case BOOL -> PropertyString.truthy(had) == PropertyString.truthy(now);
            default -> had.equals(now);
        };
    }

    private static List<String> sortedItems(String v, Attribute a) {
        return Arrays.stream(v.trim().split(a.separator())).filter(s -> !s.isEmpty()).sorted().toList();
    }
}
