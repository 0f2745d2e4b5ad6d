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
 */
final class SpiFirstClassLoader extends PluginClassLoader {
    private static final List<String> FROM_KERNEL = List.of("dev.proxmoxmpc.spi.", "picocli.", "org.pf4j.", "org.slf4j.");

    SpiFirstClassLoader(PluginManager manager, PluginDescriptor descriptor, ClassLoader kernel) {
        super(manager, descriptor, kernel, ClassLoadingStrategy.PDA);
    }

    @Override
    public Class<?> loadClass(String className) throws ClassNotFoundException {
        if (fromKernel(className)) {
            return getParent().loadClass(className);
        }
        return super.loadClass(className);
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
