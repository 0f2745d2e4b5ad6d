package dev.proxmoxmpc.kernel.plugin;

import java.util.List;
import org.pf4j.ClassLoadingStrategy;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginManager;

/**
 * A plugin class loader (child-first, PF4J's default) that always takes the SPI, PF4J and SLF4J from the
 * kernel; picocli too, since commands are declared
 * on its annotations and the kernel parses them: a copy of the SPI inside a plugin would give it its own {@code ConsoleCommand} class and break casts.
 * It also takes from the kernel the packages of the libraries the plugin bundles that are the kernel's very jars
 * ({@link KernelLibraries}).
 */
final class SpiFirstClassLoader extends PluginClassLoader {
    private static final List<String> FROM_KERNEL = List.of("dev.proxmoxmpc.spi.", "picocli.", "org.pf4j.", "org.slf4j.");

    private volatile KernelLibraries.Sharing shared = KernelLibraries.Sharing.NONE;

    SpiFirstClassLoader(PluginManager manager, PluginDescriptor descriptor, ClassLoader kernel) {
        super(manager, descriptor, kernel, ClassLoadingStrategy.PDA);
    }

    /** Takes these libraries from the kernel (set when the plugin's jars are added, before its classes load). */
    void share(KernelLibraries.Sharing sharing) {
        shared = sharing;
    }

    @Override
    public Class<?> loadClass(String className) throws ClassNotFoundException {
        if (fromKernel(className) || sharedWithKernel(className)) {
            return getParent().loadClass(className);
        }
        return super.loadClass(className);
    }

    private boolean sharedWithKernel(String className) {
        int dot = className.lastIndexOf('.');
        return dot > 0 && shared.covers(className.substring(0, dot));
    }

    static boolean fromKernel(String className) {
        for (String prefix : FROM_KERNEL) {
            if (className.startsWith(prefix) && !className.startsWith("dev.proxmoxmpc.spi.testkit.")) {
                return true;
            }
        }
        return false;
    }
}
