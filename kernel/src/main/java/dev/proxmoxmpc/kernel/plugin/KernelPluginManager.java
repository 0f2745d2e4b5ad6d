package dev.proxmoxmpc.kernel.plugin;

import java.net.URI;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.pf4j.CompoundPluginLoader;
import org.pf4j.DefaultPluginLoader;
import org.pf4j.DefaultPluginManager;
import org.pf4j.JarPluginLoader;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginLoader;
import org.pf4j.PluginWrapper;

/**
 * PF4J's default manager (JARs with {@code Plugin-*} manifest entries, folders and zips with
 * {@code plugin.properties} + {@code lib/}) with SPI-first class loaders, and loading that records each
 * failing path instead of only logging it.
 */
final class KernelPluginManager extends DefaultPluginManager {
    private static final ClassLoader KERNEL = KernelPluginManager.class.getClassLoader();

    KernelPluginManager(List<Path> roots) {
        super(roots);
    }

    @Override
    protected PluginLoader createPluginLoader() {
        return new CompoundPluginLoader()
                .add(new JarLoader(this))
                .add(new FolderLoader(this));
    }

    /** @return the candidate plugin paths of every root, zips expanded; sorted for a stable order. */
    List<Path> candidatePaths() {
        List<Path> paths = new ArrayList<>(pluginRepository.getPluginPaths());
        paths.sort(null);
        return paths;
    }

    /** Loads one plugin; throws with PF4J's message when it cannot. */
    PluginWrapper load(Path path) {
        return loadPluginFromPath(path);
    }

    void resolve() {
        resolvePlugins();
    }

    /** @return whether the plugin's {@code Plugin-Requires} accepts this SPI version. */
    boolean accepts(PluginDescriptor descriptor) {
        String requires = descriptor.getRequires() == null ? "*" : descriptor.getRequires().trim();
        if (requires.isEmpty() || requires.equals("*")) {
            return true;
        }
        if (requires.matches("^\\d+\\.\\d+\\.\\d+$")) {
            requires = ">=" + requires;
        }
        return getVersionManager().checkVersionConstraint(getSystemVersion(), requires);
    }

    private static final class JarLoader extends JarPluginLoader {
        JarLoader(KernelPluginManager manager) {
            super(manager);
        }

        @Override
        public ClassLoader loadPlugin(Path pluginPath, PluginDescriptor descriptor) {
            PluginClassLoader loader = new SpiFirstClassLoader(pluginManager, descriptor, KERNEL);
            loader.addFile(pluginPath.toFile());
            return loader;
        }
    }

    private static final class FolderLoader extends DefaultPluginLoader {
        FolderLoader(KernelPluginManager manager) {
            super(manager);
        }

        @Override
        protected PluginClassLoader createPluginClassLoader(Path pluginPath, PluginDescriptor descriptor) {
            return new SpiFirstClassLoader(pluginManager, descriptor, KERNEL);
        }

        @Override
        protected void loadJars(Path pluginPath, PluginClassLoader loader) {
            super.loadJars(pluginPath, loader);
            List<Path> jars = new ArrayList<>();
            for (URL url : loader.getURLs()) {
                if ("file".equals(url.getProtocol()) && url.getPath().endsWith(".jar")) {
                    jars.add(Path.of(URI.create(url.toString())));
                }
            }
            ((SpiFirstClassLoader) loader).share(KernelLibraries.current().sharing(jars));
        }
    }
}
