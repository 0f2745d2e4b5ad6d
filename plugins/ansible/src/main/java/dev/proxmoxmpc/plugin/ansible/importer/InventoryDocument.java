package dev.proxmoxmpc.plugin.ansible.importer;

import dev.proxmoxmpc.spi.diag.Diagnostic;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * An Ansible YAML inventory as Ansible reads it: groups with {@code hosts}, {@code children} and {@code vars};
 * a host's vars merged over every place it is listed; a host belongs to its groups and their ancestors.
 */
final class InventoryDocument {
    /** A host: where it is first listed, its vars (later listings override) and its direct groups. */
    static final class Host {
        final String name;
        final int line;
        final Map<String, YamlNode.Entry> vars = new TreeMap<>();
        final Set<String> groups = new TreeSet<>();

        Host(String name, int line) {
            this.name = name;
            this.line = line;
        }
    }

    /** A group: where it is first defined and its parents. */
    static final class Group {
        final String name;
        final int line;
        final Set<String> parents = new TreeSet<>();

        Group(String name, int line) {
            this.name = name;
            this.line = line;
        }
    }

    final Map<String, Host> hosts = new TreeMap<>();
    final Map<String, Group> groups = new TreeMap<>();
    private final String source;
    private final List<Diagnostic> diagnostics;

    private InventoryDocument(String source, List<Diagnostic> diagnostics) {
        this.source = source;
        this.diagnostics = diagnostics;
    }

    /** @return the inventory in {@code root} (a mapping of top-level groups), problems reported. */
    static InventoryDocument parse(YamlNode.Mapping root, String source, List<Diagnostic> diagnostics) {
        InventoryDocument doc = new InventoryDocument(source, diagnostics);
        root.entries().values().forEach(e -> doc.group(e.key(), e.line(), e.value(), null));
        return doc;
    }

    /** @return the host's groups including every ancestor, without {@code all}. */
    Set<String> effectiveGroups(Host host) {
        Set<String> out = new TreeSet<>();
        java.util.ArrayDeque<String> todo = new java.util.ArrayDeque<>(host.groups);
        while (!todo.isEmpty()) {
            String g = todo.pop();
            if (out.add(g) && groups.containsKey(g)) {
                todo.addAll(groups.get(g).parents);
            }
        }
        out.remove("all");
        return out;
    }

    private void group(String name, int line, YamlNode data, String parent) {
        Group g = groups.computeIfAbsent(name, n -> new Group(n, line));
        if (parent != null) {
            g.parents.add(parent);
        }
        if (data instanceof YamlNode.Scalar s && s.isNull()) {
            return;
        }
        if (!(data instanceof YamlNode.Mapping m)) {
            warn("group '" + name + "' must be a mapping of hosts, children and vars; skipped", line);
            return;
        }
        for (YamlNode.Entry e : m.entries().values()) {
            switch (e.key()) {
                case "hosts" -> hosts(name, e);
                case "children" -> children(name, e);
                case "vars" -> forEachEntry(e, v -> info("group var '" + v.key() + "' of group '" + name
                        + "' has no Proxmox equivalent; not imported", v.line()));
                default -> warn("unexpected key '" + e.key() + "' in group '" + name + "'; skipped", e.line());
            }
        }
    }

    private void hosts(String group, YamlNode.Entry hostsEntry) {
        forEachEntry(hostsEntry, e -> {
            if (e.key().matches(".*\\[[^\\]]*:[^\\]]*\\].*")) {
                warn("host range '" + e.key() + "' is not expanded; list the hosts one by one", e.line());
                return;
            }
            Host h = hosts.computeIfAbsent(e.key(), n -> new Host(n, e.line()));
            h.groups.add(group);
            if (e.value() instanceof YamlNode.Mapping vars) {
                h.vars.putAll(vars.entries());
            } else if (!(e.value() instanceof YamlNode.Scalar s && s.isNull())) {
                warn("host '" + e.key() + "' must map to its vars; its value is ignored", e.line());
            }
        });
    }

    private void children(String parent, YamlNode.Entry childrenEntry) {
        forEachEntry(childrenEntry, e -> group(e.key(), e.line(), e.value(), parent));
    }

    private void forEachEntry(YamlNode.Entry entry, java.util.function.Consumer<YamlNode.Entry> action) {
        if (entry.value() instanceof YamlNode.Mapping m) {
            new LinkedHashSet<>(m.entries().values()).forEach(action);
        } else if (!(entry.value() instanceof YamlNode.Scalar s && s.isNull())) {
            warn("'" + entry.key() + "' must be a mapping; skipped", entry.line());
        }
    }

    private void warn(String summary, int line) {
        diagnostics.add(Diagnostic.warning(summary, source + ":" + line));
    }

    private void info(String summary, int line) {
        diagnostics.add(Diagnostic.info(summary, source + ":" + line));
    }
}
