package dev.proxmoxmpc.plugin.monitoring.top;

import java.time.Duration;
import java.util.List;

/**
 * What {@code top} was asked for.
 *
 * @param node     only this node and its guests, or {@code ""}
 * @param sort     {@code cpu}, {@code mem}, {@code io} or {@code net}
 * @param once     one snapshot (two samples a refresh apart) instead of the live view
 * @param json     the snapshot as JSON
 * @param interval time between samples
 */
public record TopOptions(String node, String sort, boolean once, boolean json, Duration interval) {
    static final List<String> SORTS = List.of("cpu", "mem", "io", "net");

    /** @return the next sort order after this one (the live view's {@code s} key). */
    String nextSort() {
        return SORTS.get((SORTS.indexOf(sort) + 1) % SORTS.size());
    }
}
