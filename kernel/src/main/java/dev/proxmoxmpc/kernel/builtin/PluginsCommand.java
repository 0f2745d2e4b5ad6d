package dev.proxmoxmpc.kernel.builtin;

import dev.proxmoxmpc.kernel.context.KernelSession;
import dev.proxmoxmpc.kernel.context.KernelVersion;
import dev.proxmoxmpc.kernel.plugin.ExtensionCatalog;
import dev.proxmoxmpc.kernel.plugin.LoadedExtension;
import dev.proxmoxmpc.kernel.plugin.PluginInfo;
import dev.proxmoxmpc.spi.command.CommandResult;
import dev.proxmoxmpc.spi.command.ConsoleCommand;
import dev.proxmoxmpc.spi.command.UsageException;
import dev.proxmoxmpc.spi.console.Console;
import dev.proxmoxmpc.spi.console.Style;
import dev.proxmoxmpc.spi.console.Table;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import java.util.ArrayList;
import java.util.List;

/** {@code /plugins}: every plugin, its version, state, extensions and where it was loaded from, and problems. */
public final class PluginsCommand implements ConsoleCommand {

    @Override
    public String name() {
        return "plugins";
    }

    @Override
    public String summary() {
        return "List the loaded plugins, their extensions, where they came from, and any that failed";
    }

    @Override
    public List<String> examples() {
        return List.of("/plugins", "/plugins --json");
    }

    @Override
    public CommandResult execute(KernelContext ctx, List<String> args) {
        if (!args.isEmpty()) {
            throw new UsageException("plugins takes no arguments");
        }
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
            rows.add(List.of(p.id(), p.version(), p.state(), String.join(", ", simpleNames(p.extensions())), p.path()));
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

    private static List<String> simpleNames(List<String> classNames) {
        return classNames.stream().map(n -> n.substring(n.lastIndexOf('.') + 1)).toList();
    }
}
