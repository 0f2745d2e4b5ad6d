package dev.proxmoxmpc.spi.model;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * A storage definition from {@code /storage} ({@code storage.cfg}), cluster-wide.
 *
 * @param id     the storage id ({@code local-lvm})
 * @param type   the plugin type ({@code dir}, {@code lvmthin}, {@code nfs}, {@code zfspool}, ...)
 * @param config every other key as PVE returns it ({@code content}, {@code path}, {@code nodes}, {@code shared},
 *               {@code server}, {@code export}, {@code vgname}, {@code thinpool}, ...), sorted
 */
@API(status = STABLE, since = "1.0")
public record Storage(String id, String type, Map<String, String> config) {
    public Storage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        config = java.util.Collections.unmodifiableMap(new TreeMap<>(config));
    }

    /** @return the content types ({@code images}, {@code rootdir}, {@code iso}, {@code vztmpl}, {@code backup}, ...). */
    public List<String> content() {
        String v = config.getOrDefault("content", "");
        return v.isBlank() ? List.of() : Arrays.stream(v.split("[,; ]+")).sorted().toList();
    }

    /** @return the nodes it is restricted to; empty means every node. */
    public List<String> nodes() {
        String v = config.getOrDefault("nodes", "");
        return v.isBlank() ? List.of() : Arrays.stream(v.split("[,; ]+")).sorted().toList();
    }

    public boolean shared() {
        return PropertyString.truthy(config.getOrDefault("shared", "0"));
    }

    /** @return whether it is available on {@code node}. */
    public boolean availableOn(String node) {
        return nodes().isEmpty() || nodes().contains(node);
    }
}
