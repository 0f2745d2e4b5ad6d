package dev.proxmoxmpc.plugin.sync.compare;

import dev.proxmoxmpc.spi.model.ConfigValues;
import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.Network;
import dev.proxmoxmpc.spi.model.Pool;
import dev.proxmoxmpc.spi.model.PowerState;
import dev.proxmoxmpc.spi.model.Storage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Flattens resources into comparable field maps: the config without {@link Noise}, tags as a sorted set, plus the
 * pseudo-fields {@code node}, {@code pool} and {@code status} of guests and {@code type} of networks and storages.
 */
public final class Fields {
    public static final String NODE = "node";
    public static final String POOL = "pool";
    public static final String STATUS = "status";
    public static final String TYPE = "type";
    public static final String COMMENT = "comment";

    private Fields() {}

    /** @return the comparable fields of a guest. Templates and unknown power states have no {@code status}. */
    public static Map<String, String> of(Guest g) {
        Map<String, String> out = new TreeMap<>();
        g.config().forEach((k, v) -> {
            if (!Noise.ignored(k)) {
                out.put(k, k.equals("tags") ? tags(v) : v);
            }
        });
        out.remove("tags");
        String tags = tags(g.value("tags"));
        if (!tags.isEmpty()) {
            out.put("tags", tags);
        }
        out.put(NODE, g.node());
        if (!g.pool().isEmpty()) {
            out.put(POOL, g.pool());
        }
        String status = status(g);
        if (!status.isEmpty()) {
            out.put(STATUS, status);
        }
        return out;
    }

    /** @return {@code running}, {@code stopped}, or {@code ""} for templates and unknown states. */
    public static String status(Guest g) {
        if (g.template()) {
            return "";
        }
        return switch (g.status()) {
            case RUNNING, PAUSED -> "running";
            case STOPPED -> "stopped";
            case UNKNOWN -> "";
        };
    }

    /** @return the power state a desired guest should carry for an observed one. */
    public static PowerState desiredState(Guest g) {
        return g.status() == PowerState.RUNNING || g.status() == PowerState.PAUSED ? PowerState.RUNNING : PowerState.STOPPED;
    }

    /** @return tags as PVE stores them, sorted and {@code ;}-separated, duplicates removed. */
    public static String tags(String value) {
        TreeSet<String> set = new TreeSet<>();
        Arrays.stream(value.trim().split("[;, ]+")).filter(s -> !s.isEmpty()).forEach(set::add);
        return String.join(";", set);
    }

    public static Map<String, String> of(Network n) {
        Map<String, String> out = new TreeMap<>(n.config());
        out.put(TYPE, n.type());
        return out;
    }

    public static Map<String, String> of(Storage s) {
        Map<String, String> out = new TreeMap<>(s.config());
        out.remove("digest");
        out.put(TYPE, s.type());
        return out;
    }

    /** @return an object's keys; {@code digest} (PVE's config checksum) is not a setting */
    public static Map<String, String> of(dev.proxmoxmpc.spi.model.ClusterObject o) {
        Map<String, String> out = new TreeMap<>(o.config());
        out.remove("digest");
        return out;
    }

    public static Map<String, String> of(Pool p) {
        Map<String, String> out = new TreeMap<>();
        if (!p.comment().isEmpty()) {
            out.put(COMMENT, p.comment());
        }
        return out;
    }

    /** @return the fields that differ, by name; a missing field reads as {@code ""}; same-meaning spellings are equal. */
    public static List<FieldChange> diff(Map<String, String> before, Map<String, String> after) {
        TreeSet<String> keys = new TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        List<FieldChange> out = new ArrayList<>();
        for (String k : keys) {
            String b = before.getOrDefault(k, "");
            String a = after.getOrDefault(k, "");
            if (!ConfigValues.equivalent(k, b, a)) {
                out.add(new FieldChange(k, b, a));
            }
        }
        return out;
    }
}
