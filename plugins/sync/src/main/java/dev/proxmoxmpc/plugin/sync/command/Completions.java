package dev.proxmoxmpc.plugin.sync.command;

import dev.proxmoxmpc.spi.kernel.KernelContext;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.model.Node;
import dev.proxmoxmpc.spi.model.Storage;
import dev.proxmoxmpc.spi.state.StateKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Tab candidates of the sync commands, from local state only (never the server): in the first positional slot what
 * the command names there (guests, snapshot ids), after a flag that takes a value its values (nodes, storages), else
 * the flags. A failure completes nothing.
 */
final class Completions {
    private Completions() {}

    /**
     * @param words       the words after the command's name; the last one is being typed
     * @param valueFlags  flags that take a value
     * @param flags       flags that take none
     * @param values      candidates after each value flag (absent: none)
     * @param positional  candidates for the first positional word, or null when the command takes none
     */
    static List<String> of(List<String> words, Set<String> valueFlags, Set<String> flags,
                           Map<String, Supplier<List<String>>> values, Supplier<List<String>> positional) {
        try {
            String partial = words.isEmpty() ? "" : words.get(words.size() - 1);
            String prev = words.size() >= 2 ? words.get(words.size() - 2) : "";
            if (valueFlags.contains(prev)) {
                return values.getOrDefault(prev, List::of).get();
            }
            if (positional != null && !partial.startsWith("-") && !hasPositional(words, valueFlags)) {
                return positional.get();
            }
            TreeSet<String> all = new TreeSet<>(valueFlags);
            all.addAll(flags);
            return List.copyOf(all);
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    private static boolean hasPositional(List<String> words, Set<String> valueFlags) {
        for (int i = 0; i < words.size() - 1; i++) {
            boolean value = i > 0 && valueFlags.contains(words.get(i - 1));
            if (!words.get(i).startsWith("-") && !value) {
                return true;
            }
        }
        return false;
    }

    /** @return the node names the last /sync saw. */
    static List<String> nodes(KernelContext ctx) {
        return observed(ctx).nodes().stream().map(Node::name).sorted().toList();
    }

    /** @return the storage ids, desired and observed. */
    static List<String> storages(KernelContext ctx) {
        TreeSet<String> out = new TreeSet<>();
        observed(ctx).storages().stream().map(Storage::id).forEach(out::add);
        ctx.state().load(StateKind.DESIRED).storages().stream().map(Storage::id).forEach(out::add);
        return List.copyOf(out);
    }

    /**
     * @param root    the directory paths are relative to
     * @param partial what was typed ({@code terraform/v})
     * @return the sub-directories of the typed path's folder, as typed-relative paths ending in {@code /}; hidden ones left out
     */
    static List<String> directories(Path root, String partial) {
        String base = partial.substring(0, partial.lastIndexOf('/') + 1);
        Path dir = root.resolve(base.isEmpty() ? "." : base);
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(Files::isDirectory).map(p -> p.getFileName().toString()).filter(n -> !n.startsWith("."))
                    .sorted().map(n -> base + n + "/").toList();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    private static Inventory observed(KernelContext ctx) {
        return ctx.state().load(StateKind.OBSERVED);
    }
}
