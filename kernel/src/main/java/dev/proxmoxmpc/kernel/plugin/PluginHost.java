package dev.proxmoxmpc.kernel.plugin;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.pf4j.ExtensionPoint;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads every plugin found in the plugin roots, starts them and instantiates their extensions. Nothing here
 * throws for a bad plugin: each problem becomes one line in {@link #problems()} and in its {@link PluginInfo}.
 */
public final class PluginHost implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PluginHost.class);
    private final List<PluginInfo> plugins;
    private final List<LoadedExtension> extensions;
    private final List<String> problems;
    private final KernelPluginManager manager;

    private PluginHost(List<PluginInfo> plugins, List<LoadedExtension> extensions, List<String> problems,
                       KernelPluginManager manager) {
        this.plugins = List.copyOf(plugins);
        this.extensions = List.copyOf(extensions);
        this.problems = List.copyOf(problems);
        this.manager = manager;
    }

    /** @return a host with no plugins. */
    public static PluginHost empty() {
        return new PluginHost(List.of(), List.of(), List.of(), null);
    }

    /**
     * @param roots         plugin folders; missing ones are skipped
     * @param systemVersion the SPI version plugins' {@code Plugin-Requires} is checked against
     */
    public static PluginHost load(List<Path> roots, String systemVersion) {
        List<Path> existing = roots.stream().map(p -> p.toAbsolutePath().normalize()).distinct()
                .filter(Files::isDirectory).toList();
        if (existing.isEmpty()) {
            return empty();
        }
        KernelPluginManager manager = new KernelPluginManager(existing);
        manager.setSystemVersion(systemVersion);
        Loading loading = new Loading(manager);
        loading.run();
        return new PluginHost(loading.infos, loading.extensions, loading.problems, manager);
    }

    /** @return every plugin (and failed plugin path), sorted by id. */
    public List<PluginInfo> plugins() {
        return plugins;
    }

    /** @return extensions (classes implementing an {@link ExtensionPoint}) of started plugins, by plugin id then class name. */
    public List<LoadedExtension> extensions() {
        return extensions;
    }

    /** @return one line per plugin problem, for the start of a run. */
    public List<String> problems() {
        return problems;
    }

    @Override
    public void close() {
        if (manager != null) {
            try {
                manager.stopPlugins();
                manager.unloadPlugins();
            } catch (RuntimeException e) {
                LOG.warn("stopping plugins failed", e);
            }
        }
    }

    /** One loading pass; collects infos, extensions and problems. */
    private static final class Loading {
        private final KernelPluginManager manager;
        private final List<PluginInfo> infos = new ArrayList<>();
        private final List<LoadedExtension> extensions = new ArrayList<>();
        private final List<String> problems = new ArrayList<>();

        Loading(KernelPluginManager manager) {
            this.manager = manager;
        }

        void run() {
            List<Path> paths;
            try {
                paths = manager.candidatePaths();
            } catch (RuntimeException e) {
                problem(null, "plugins could not be listed: " + Problems.message(e), e);
                return;
            }
            for (Path path : paths) {
                loadOne(path);
            }
            try {
                manager.resolve();
            } catch (RuntimeException e) {
                problem(null, "plugin dependencies could not be resolved: " + Problems.message(e), e);
            }
            manager.startPlugins();
            manager.getPlugins().stream()
                    .sorted(Comparator.comparing(PluginWrapper::getPluginId))
                    .forEach(this::describe);
            infos.sort(Comparator.comparing(PluginInfo::id));
        }

        private void loadOne(Path path) {
            try {
                manager.load(path);
            } catch (RuntimeException | LinkageError e) {
                String msg = "plugin " + path.getFileName() + " not loaded (" + path + "): " + Problems.message(e);
                problem(null, msg, e);
                infos.add(new PluginInfo(path.getFileName().toString(), "", "failed", List.of(), path.toString(),
                        List.of(msg)));
            }
        }

        private void describe(PluginWrapper plugin) {
            String id = plugin.getPluginId();
            String version = plugin.getDescriptor().getVersion();
            List<String> own = new ArrayList<>();
            Set<String> names = new TreeSet<>();
            String state;
            if (plugin.getPluginState() == PluginState.STARTED) {
                state = "started";
                instantiate(plugin, names, own);
            } else if (!manager.accepts(plugin.getDescriptor())) {
                state = "refused";
                own.add(problem(plugin, "plugin '" + id + "' " + version + " refused: it requires SPI "
                        + plugin.getDescriptor().getRequires() + ", this is " + manager.getSystemVersion(), null));
            } else {
                state = plugin.getPluginState() == PluginState.FAILED ? "failed" : plugin.getPluginState().toString();
                Throwable cause = plugin.getFailedException();
                String pluginClass = plugin.getDescriptor().getPluginClass();
                String why = cause == null ? "state " + state : Problems.message(cause);
                if (pluginClass != null && !pluginClass.isBlank() && plugin.getPlugin() == null) {
                    why = "its Plugin-Class " + pluginClass + " cannot be loaded or created";
                }
                own.add(problem(plugin, "plugin '" + id + "' " + version + " did not start: " + why, cause));
            }
            infos.add(new PluginInfo(id, version, state, List.copyOf(names), plugin.getPluginPath().toString(), own));
        }

        private void instantiate(PluginWrapper plugin, Set<String> names, List<String> own) {
            String id = plugin.getPluginId();
            Set<String> classNames = new TreeSet<>(manager.getExtensionClassNames(id));
            for (String className : classNames) {
                try {
                    Class<?> type = plugin.getPluginClassLoader().loadClass(className);
                    if (!ExtensionPoint.class.isAssignableFrom(type)) {
                        continue;
                    }
                    Object instance = type.getDeclaredConstructor().newInstance();
                    extensions.add(new LoadedExtension(id, instance));
                    names.add(className);
                } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                    own.add(problem(plugin, "plugin '" + id + "': extension " + className + " not loaded: "
                            + Problems.message(e), e));
                }
            }
        }

        private String problem(PluginWrapper plugin, String line, Throwable cause) {
            LOG.warn("{}", line, cause);
            problems.add(line);
            return line;
        }
    }
}
