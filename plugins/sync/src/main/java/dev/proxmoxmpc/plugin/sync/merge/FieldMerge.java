package dev.proxmoxmpc.plugin.sync.merge;

import dev.proxmoxmpc.spi.model.ConfigValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The three-way merge of one resource's fields. For each field: both sides equal, take it; only the server
 * changed it since the base, take the server's; only local changed it, keep local; both changed it differently,
 * a {@link Conflict} the resolver settles. A missing field reads as {@code ""} (absent in the result); spellings of the same value
 * ({@link ConfigValues}) are equal.
 */
public final class FieldMerge {
    private FieldMerge() {}

    /** The merged fields and the conflicts met. */
    public record Result(Map<String, String> fields, List<Conflict> conflicts) {
        public Result {
            fields = Map.copyOf(fields);
            conflicts = List.copyOf(conflicts);
        }
    }

    public static Result merge(String resource, Map<String, String> base, Map<String, String> local,
                               Map<String, String> server, ConflictResolver resolver) {
        TreeSet<String> keys = new TreeSet<>(base.keySet());
        keys.addAll(local.keySet());
        keys.addAll(server.keySet());
        Map<String, String> out = new TreeMap<>();
        List<Conflict> conflicts = new ArrayList<>();
        for (String k : keys) {
            String b = base.getOrDefault(k, "");
            String l = local.getOrDefault(k, "");
            String s = server.getOrDefault(k, "");
            String v;
            if (same(k, l, s)) {
                v = s; // the server's spelling of the same value
            } else if (same(k, s, b)) {
                v = l;
            } else if (same(k, l, b)) {
                v = s;
            } else {
                Conflict c = new Conflict(resource, k, b, l, s, Side.SERVER);
                Side side = resolver.resolve(c);
                conflicts.add(c.resolvedAs(side));
                v = side == Side.LOCAL ? l : s;
            }
            if (!v.isEmpty()) {
                out.put(k, v);
            }
        }
        return new Result(out, conflicts);
    }

    private static boolean same(String key, String a, String b) {
        return ConfigValues.equivalent(key, a, b);
    }
}
