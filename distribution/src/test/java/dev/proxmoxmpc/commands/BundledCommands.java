package dev.proxmoxmpc.commands;

import dev.proxmoxmpc.kernel.command.CommandRegistry;
import dev.proxmoxmpc.spi.command.ConsoleCommand;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * Every command of the kernel and of every bundled plugin, registered as the product does. The plugins' commands are
 * found the way PF4J finds them, through each plugin JAR's {@code META-INF/extensions.idx} (on this module's test
 * class path; PF4J reads each class once, so do we).
 */
final class BundledCommands {
    private BundledCommands() {}

    static CommandRegistry registry() throws Exception {
        return registry(extensions());
    }

    /** @return the commands among {@code extensions}, registered under their plugin ids. */
    static CommandRegistry registry(List<Object> extensions) {
        CommandRegistry registry = new CommandRegistry();
        for (Object e : extensions) {
            if (e instanceof ConsoleCommand c) {
                String className = c.getClass().getName();
                registry.register(c, className.startsWith("dev.proxmoxmpc.plugin.") ? pluginOf(className) : "kernel");
            }
        }
        return registry;
    }

    /** @return the kernel's built-in commands, then every extension the bundled plugins index (one instance each). */
    static List<Object> extensions() throws Exception {
        List<Object> out = new ArrayList<>();
        ServiceLoader.load(ConsoleCommand.class, CommandRegistry.class.getClassLoader()).forEach(out::add);
        Set<String> classNames = new LinkedHashSet<>();
        for (URL index : Collections.list(BundledCommands.class.getClassLoader().getResources("META-INF/extensions.idx"))) {
            classNames.addAll(lines(index));
        }
        for (String className : classNames) {
            out.add(Class.forName(className).getConstructor().newInstance());
        }
        return out;
    }

    private static String pluginOf(String className) {
        String rest = className.substring("dev.proxmoxmpc.plugin.".length());
        return rest.substring(0, rest.indexOf('.'));
    }

    private static List<String> lines(URL index) throws IOException {
        List<String> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(index.openStream(), StandardCharsets.UTF_8))) {
            for (String l = r.readLine(); l != null; l = r.readLine()) {
                if (!l.isBlank() && !l.startsWith("#")) {
                    out.add(l.strip());
                }
            }
        }
        return out;
    }
}
