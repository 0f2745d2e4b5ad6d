package dev.proxmoxmpc.plugin.sync.compare;

import java.util.Objects;

/**
 * One field that differs between two versions of a resource.
 *
 * @param field  a config key ({@code memory}), or {@code node}, {@code pool}, {@code status}, {@code type}
 * @param before the old value, {@code ""} when absent
 * @param after  the new value, {@code ""} when absent
 */
public record FieldChange(String field, String before, String after) {
    public FieldChange {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
    }

    /** @return {@code memory 4096 -> 8192}, {@code tags (none) -> web}. */
    public String describe() {
        return field + " " + show(before) + " -> " + show(after);
    }

    private static String show(String v) {
        return v.isEmpty() ? "(none)" : v;
    }
}
