package dev.proxmoxmpc.plugin.ansible.importer;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A YAML value with the line it starts on (1-based), as read by {@link YamlTree}. */
sealed interface YamlNode permits YamlNode.Scalar, YamlNode.Mapping, YamlNode.Sequence {

    int line();

    /** A scalar; {@code text} is {@code null} for a YAML null ({@code ~}, empty). */
    record Scalar(String text, int line) implements YamlNode {
        boolean isNull() {
            return text == null;
        }
    }

    /** A mapping key with its line and value. */
    record Entry(String key, int line, YamlNode value) {
        public Entry {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
        }
    }

    /** A mapping, entries in file order; {@code entries} keeps the first of duplicate keys. */
    record Mapping(Map<String, Entry> entries, int line) implements YamlNode {
        public Mapping {
            entries = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(entries));
        }
    }

    /** A sequence. */
    record Sequence(List<YamlNode> items, int line) implements YamlNode {
        public Sequence {
            items = List.copyOf(items);
        }
    }
}
