package dev.proxmoxmpc.plugin.sync.merge;

import dev.proxmoxmpc.plugin.sync.compare.Fields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Three-way merge of a keyed collection of resources (guests by VMID, storages by id, ...). Existence first:
 * created on one side, kept; deleted on one side and unchanged on the other, deleted; deleted on one side and
 * changed on the other, an {@link Conflict#EXISTENCE} conflict. Resources on every side merge field by field.
 *
 * @param <K> the key
 * @param <T> the resource
 */
final class KeyedMerge<K extends Comparable<K>, T> {
    private final Function<T, Map<String, String>> fields;
    private final BiFunction<Shape<T>, Map<String, String>, T> build;
    private final Function<T, String> label;
    private final ConflictResolver resolver;
    private final List<Conflict> conflicts = new ArrayList<>();

    /** The local and server versions a merged resource is built from (either may be absent, not both). */
    record Shape<T>(Optional<T> local, Optional<T> server) {
        T any() {
            return local.or(() -> server).orElseThrow();
        }
    }

    KeyedMerge(Function<T, Map<String, String>> fields, BiFunction<Shape<T>, Map<String, String>, T> build,
               Function<T, String> label, ConflictResolver resolver) {
        this.fields = fields;
        this.build = build;
        this.label = label;
        this.resolver = resolver;
    }

    List<Conflict> conflicts() {
        return List.copyOf(conflicts);
    }

    List<T> merge(Map<K, T> base, Map<K, T> local, Map<K, T> server) {
        TreeSet<K> keys = new TreeSet<>(base.keySet());
        keys.addAll(local.keySet());
        keys.addAll(server.keySet());
        Map<K, T> out = new LinkedHashMap<>();
        for (K k : keys) {
            mergeOne(base.get(k), local.get(k), server.get(k)).ifPresent(t -> out.put(k, t));
        }
        return List.copyOf(out.values());
    }

    private Optional<T> mergeOne(T b, T l, T s) {
        if (l != null && s != null) {
            Map<String, String> bf = b == null ? Map.of() : fields.apply(b);
            FieldMerge.Result r = FieldMerge.merge(label.apply(l), bf, fields.apply(l), fields.apply(s), resolver);
            conflicts.addAll(r.conflicts());
            return Optional.of(build.apply(new Shape<>(Optional.of(l), Optional.of(s)), r.fields()));
        }
        if (l == null && s == null) {
            return Optional.empty();
        }
        if (b == null) {
            return Optional.of(l != null ? l : adopt(s));
        }
        boolean localKept = l != null;
        T kept = localKept ? l : s;
        if (Fields.diff(fields.apply(b), fields.apply(kept)).isEmpty()) {
            return Optional.empty();
        }
        String present = "present";
        String deleted = "deleted";
        Conflict c = new Conflict(label.apply(kept), Conflict.EXISTENCE, present, localKept ? present : deleted,
                localKept ? deleted : present, Side.SERVER);
        Side side = resolver.resolve(c);
        conflicts.add(c.resolvedAs(side));
        boolean keep = (side == Side.LOCAL) == localKept;
        return keep ? Optional.of(localKept ? l : adopt(s)) : Optional.empty();
    }

    private T adopt(T server) {
        return build.apply(new Shape<>(Optional.empty(), Optional.of(server)), fields.apply(server));
    }
}
