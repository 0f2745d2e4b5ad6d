package dev.proxmoxmpc.kernel.builtin;

import dev.proxmoxmpc.kernel.context.KernelSession;
import dev.proxmoxmpc.kernel.context.KernelVersion;
import dev.proxmoxmpc.kernel.plugin.ExtensionCatalog;
import dev.proxmoxmpc.kernel.plugin.LoadedExtension;
import dev.proxmoxmpc.kernel.plugin.PluginInfo;
import dev.proxmoxmpc.spi.command.CommandResult;
import dev.proxmoxmpc.spi.command.ConsoleCommand;
import dev.proxmoxmpc.spi.console.Console;
import dev.proxmoxmpc.spi.console.Style;
import dev.proxmoxmpc.spi.console.Table;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine.Command;
import org.pf4j.ExtensionPoint;

/** {@code /plugins}: every plugin, its version, state, extensions and where it was loaded from, and problems. */
@Command(name = "plugins",
        description = "List the loaded plugins, their extensions, where they came from, and any that failed",
        footer = {"/plugins", "/plugins --json"})
public final class PluginsCommand implements ConsoleCommand {
    @Override
    public CommandResult execute(KernelContext ctx) {
        KernelSession session = KernelSession.of(ctx);
        List<PluginInfo> infos = new ArrayList<>();
        infos.add(builtIns(session.catalog()));
        infos.addAll(session.plugins().plugins());
        Console console = ctx.console();
        if (console.jsonRequested()) {
            console.json(infos);
            return CommandResult.ok();
        }
        List<List<String>> rows = new ArrayList<>();
        for (PluginInfo p : infos) {
            rows.add(List.of(p.id(), p.version(), p.state(), summary(session.catalog(), p), p.path()));
        }
        console.table(new Table(List.of("PLUGIN", "VERSION", "STATE", "EXTENSIONS", "LOADED FROM"), rows));
        for (PluginInfo p : infos) {
            p.problems().forEach(line -> console.println(console.style(Style.RED, "  ! ") + line));
        }
        return CommandResult.ok();
    }

    private static PluginInfo builtIns(ExtensionCatalog catalog) {
        List<String> classes = catalog.all().stream().filter(e -> e.pluginId().equals(ExtensionCatalog.KERNEL))
                .map(LoadedExtension::instance).map(o -> o.getClass().getName()).sorted().toList();
        var source = PluginsCommand.class.getProtectionDomain().getCodeSource();
        String path = source == null ? "" : source.getLocation().getPath();
        return new PluginInfo(ExtensionCatalog.KERNEL, KernelVersion.current(), "built-in", classes, path, List.of());
    }

    /** @return {@code 10 commands, 4 policies}: the plugin's extensions counted by extension point. */
    static String summary(ExtensionCatalog catalog, PluginInfo p) {
        Map<String, Integer> counts = new TreeMap<>();
        for (LoadedExtension e : catalog.all()) {
            if (e.pluginId().equals(p.id()) && p.extensions().contains(e.instance().getClass().getName())) {
                counts.merge(kind(e.instance().getClass()), 1, Integer::sum);
            }
        }
        List<String> parts = new ArrayList<>();
        counts.forEach((kind, n) -> parts.add(n + " " + plural(kind, n)));
        return String.join(", ", parts);
    }

    private static String plural(String kind, int n) {
        if (n == 1) {
            return kind;
        }
        return kind.endsWith("y") ? kind.substring(0, kind.length() - 1) + "ies" : kind + "s";
    }

    private static String kind(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Class<?> i : c.getInterfaces()) {
                if (ExtensionPoint.class.isAssignableFrom(i) && i != ExtensionPoint.class) {
                    return KINDS.getOrDefault(i.getSimpleName(), i.getSimpleName());
                }
            }
        }
        return "extension";
    }

    private static final Map<String, String> KINDS = Map.of("ConsoleCommand", "command", "Generator", "generator",
            "Importer", "importer", "InfrastructureProvider", "provider", "Policy", "policy");
}
