package dev.proxmoxmpc.plugin.terraform.mapping;

import dev.proxmoxmpc.plugin.terraform.hcl.HclBlock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The attributes of one flat block (no nested blocks), in the order they are written. */
public final class FieldSet<T> {
    private final List<Field<T>> fields = new ArrayList<>();

    /** Adds a field written only when it differs from the provider default. */
    public FieldSet<T> add(String name, Object dflt, Function<T, Object> get, BiFunction<T, Object, T> set) {
        fields.add(new Field<>(name, dflt, false, get, set));
        return this;
    }

    /** Adds a field always written. */
    public FieldSet<T> always(String name, Object dflt, Function<T, Object> get, BiFunction<T, Object, T> set) {
        fields.add(new Field<>(name, dflt, true, get, set));
        return this;
    }

    /** Writes the emitted attributes of {@code src} into {@code block}; @return whether any was written. */
    public boolean fill(T src, HclBlock block) {
        boolean any = false;
        for (Field<T> f : fields) {
            Object v = f.emitted(src);
            if (v != null) {
                block.attr(f.name(), v);
                any = true;
            }
        }
        return any;
    }

    /** @return {@code base} with every field of the file's block applied (an absent block: all defaults). */
    public T apply(T base, HclBlock fileBlock) {
        T out = base;
        for (Field<T> f : fields) {
            out = f.apply(out, fileBlock == null ? null : fileBlock.get(f.name()));
        }
        return out;
    }

    /** @return the attribute names. */
    public Set<String> names() {
        return fields.stream().map(Field::name).collect(Collectors.toSet());
    }
}
