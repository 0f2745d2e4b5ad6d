package dev.proxmoxmpc.kernel.plugin;

import dev.proxmoxmpc.spi.command.ConsoleCommand;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Every extension the kernel knows, in a stable order: the kernel's built-in commands (found with
 * {@link ServiceLoader} through {@code META-INF/services/dev.proxmoxmpc.spi.command.ConsoleCommand}), extensions
 * handed in by an embedding program, then the started plugins' extensions (by plugin id, then class name). Of two
 * providers, generators, importers or policies with one id the first keeps it; the other is refused in
 * {@link #problems()} (see {@link ExtensionIds}).
 */
public final class ExtensionCatalog {
    /** The plugin id of built-in commands. */
    public static final String KERNEL = "kernel";
    /** The plugin id of extensions handed to the kernel builder. */
    public static final String EMBEDDED = "embedded";
    private final List<LoadedExtension> all;
    private final List<String> problems;

    private ExtensionCatalog(List<LoadedExtension> all, List<String> problems) {
        this.all = List.copyOf(all);
        this.problems = List.copyOf(problems);
    }

    /** @return built-ins, then {@code embedded}, then the plugins' extensions. */
    public static ExtensionCatalog of(List<Object> embedded, PluginHost plugins) {
        List<LoadedExtension> all = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        builtIns(all, problems);
        embedded.forEach(e -> all.add(new LoadedExtension(EMBEDDED, e)));
        all.addAll(plugins.extensions());
        problems.addAll(plugins.problems());
        return new ExtensionCatalog(ExtensionIds.unique(all, problems), problems);
    }

    private static void builtIns(List<LoadedExtension> out, List<String> problems) {
        Iterator<ConsoleCommand> it = ServiceLoader.load(ConsoleCommand.class, ExtensionCatalog.class.getClassLoader())
                .iterator();
        while (true) {
            try {
                if (!it.hasNext()) {
                    return;
                }
                out.add(new LoadedExtension(KERNEL, it.next()));
            } catch (ServiceConfigurationError e) {
                problems.add("built-in command not loaded: " + Problems.message(e));
            }
        }
    }

    /** @return every extension of {@code type}, in the catalog's order. */
    public <T> List<T> of(Class<T> type) {
        List<T> out = new ArrayList<>();
        for (LoadedExtension e : all) {
            if (type.isInstance(e.instance())) {
                out.add(type.cast(e.instance()));
            }
        }
        return out;
    }

    /** @return every extension with its plugin id. */
    public List<LoadedExtension> all() {
        return all;
    }

    /** @return loading problems, one line each. */
    public List<String> problems() {
        return problems;
    }
}
