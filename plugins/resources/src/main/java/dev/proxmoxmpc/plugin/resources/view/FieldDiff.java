package dev.proxmoxmpc.plugin.resources.view;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * One field that differs: {@code memory 4096 -> 8192}; {@code ""} means absent.
 *
 * @param field  the config key or pseudo-field ({@code node}, {@code pool}, {@code status})
 * @param before the old value
 * @param after  the new value
 */
public record FieldDiff(String field, String before, String after) {
    public FieldDiff {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
    }

    /** @return the fields that differ, by name. */
    public static List<FieldDiff> between(Map<String, String> before, Map<String, String> after) {
        TreeSet<String> keys = new TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        List<FieldDiff> out = new ArrayList<>();
        for (String k : keys) {
            String b = before.getOrDefault(k, "");
            String a = after.getOrDefault(k, "");
            if (!b.equals(a)) {
                out.add(new FieldDiff(k, b, a));
            }
        }
        return out;
    }

    /** @return {@code memory: 4096 -> 8192}, {@code + agent = 1}, {@code - balloon (was 2048)}. */
    public String describe() {
        if (before.isEmpty()) {
            return "+ " + field + " = " + after;
        }
        if (after.isEmpty()) {
            return "- " + field + " (was " + before + ")";
        }
        return "~ " + field + ": " + before + " -> " + after;
    }
}
