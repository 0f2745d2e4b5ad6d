package dev.proxmoxmpc.kernel.state;

import dev.proxmoxmpc.spi.model.GuestRuntime;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * The configs and runtimes parsed by the latest read of many guest rows, by their stored JSON text. The desired and
 * the observed row of an unchanged guest hold the same config text (and every desired row the same empty runtime), so
 * reading both inventories one after the other parses each text once: half the parsing, and the two guests share
 * one parsed map. A read looks up the previous read's parses and hands its own on to the next; what it hands on is
 * never changed again, so reads on several threads need no lock. Only immutable values are kept, and only those of
 * one read, so the memory is bounded by what that read returned anyway.
 */
final class RecentParses {
    private static volatile RecentParses latest = new RecentParses(null);

    private RecentParses previous;
    private final Map<String, Map<String, String>> configs = new HashMap<>();
    private final Map<String, GuestRuntime> runtimes = new HashMap<>();

    private RecentParses(RecentParses previous) {
        this.previous = previous;
    }

    /** @return a reader for one read of many rows; {@link #done()} hands its parses on */
    static RecentParses read() {
        return new RecentParses(latest);
    }

    /** @return the config a row's JSON text holds (unmodifiable) */
    Map<String, String> config(String json) {
        return configs.computeIfAbsent(json, j -> {
            Map<String, String> known = previous == null ? null : previous.configs.get(j);
            return known != null ? known : Collections.unmodifiableMap(InventoryJson.readMap(j));
        });
    }

    /** @return the runtime a row's JSON text holds */
    GuestRuntime runtime(String json) {
        return runtimes.computeIfAbsent(json, j -> {
            GuestRuntime known = previous == null ? null : previous.runtimes.get(j);
            return known != null ? known : InventoryJson.readRuntime(j);
        });
    }

    /** The next read may reuse this one's parses (and no further: the one before this is let go). */
    void done() {
        previous = null;
        latest = this;
    }
}
