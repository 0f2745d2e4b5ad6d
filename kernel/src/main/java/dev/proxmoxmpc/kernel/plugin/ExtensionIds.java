package dev.proxmoxmpc.kernel.plugin;

import dev.proxmoxmpc.spi.iac.Generator;
import dev.proxmoxmpc.spi.iac.Importer;
import dev.proxmoxmpc.spi.iac.Policy;
import dev.proxmoxmpc.spi.provider.InfrastructureProvider;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Refuses a second extension with an id already taken for the same extension point (two generators {@code terraform},
 * two providers {@code proxmox}): the first in catalog order keeps the id, the other is left out with one line naming
 * both plugins. An extension whose {@code id()} throws or is blank is left out too. Command names are checked the same
 * way by the command registry.
 */
final class ExtensionIds {
    /** The extension points whose extensions are looked up by id, with the word users read for them. */
    private static final List<Kind<?>> KINDS = List.of(
            new Kind<>("provider", InfrastructureProvider.class, InfrastructureProvider::id),
            new Kind<>("generator", Generator.class, Generator::id),
            new Kind<>("importer", Importer.class, Importer::id),
            new Kind<>("policy", Policy.class, Policy::id));

    private ExtensionIds() {}

    /**
     * @param extensions in catalog order
     * @param problems   receives one line per refused extension
     * @return {@code extensions} without the refused ones, order kept
     */
    static List<LoadedExtension> unique(List<LoadedExtension> extensions, List<String> problems) {
        Map<String, LoadedExtension> taken = new HashMap<>();
        List<LoadedExtension> kept = new ArrayList<>();
        for (LoadedExtension e : extensions) {
            if (admit(e, taken, problems)) {
                kept.add(e);
            }
        }
        return kept;
    }

    private static boolean admit(LoadedExtension e, Map<String, LoadedExtension> taken, List<String> problems) {
        for (Kind<?> kind : KINDS) {
            if (!kind.type().isInstance(e.instance())) {
                continue;
            }
            String id;
            try {
                id = kind.idOf(e.instance());
            } catch (RuntimeException | LinkageError ex) {
                problems.add("plugin '" + e.pluginId() + "': " + kind.word() + " " + className(e) + " refused: its id() failed: "
                        + Problems.message(ex));
                return false;
            }
            if (id == null || id.isBlank()) {
                problems.add("plugin '" + e.pluginId() + "': " + kind.word() + " " + className(e) + " refused: it has no id");
                return false;
            }
            LoadedExtension first = taken.putIfAbsent(kind.word() + " " + id, e);
            if (first != null) {
                problems.add("duplicate " + kind.word() + " id '" + id + "': plugin '" + e.pluginId() + "' (" + className(e)
                        + ") refused, plugin '" + first.pluginId() + "' (" + className(first) + ") keeps it");
                return false;
            }
        }
        return true;
    }

    private static String className(LoadedExtension e) {
        return e.instance().getClass().getName();
    }

    private record Kind<T>(String word, Class<T> type, Function<T, String> id) {
        String idOf(Object instance) {
            return id.apply(type.cast(instance));
        }
    }
}
