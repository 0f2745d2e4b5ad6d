package dev.proxmoxmpc.kernel.workspace;

import dev.proxmoxmpc.kernel.config.ConfigDocument;
import dev.proxmoxmpc.kernel.config.ConfigStore;
import dev.proxmoxmpc.spi.command.CommandResult;
import dev.proxmoxmpc.spi.console.Table;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import dev.proxmoxmpc.spi.state.AuditEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code environment map NAME --node FROM=TO ...}: adds to (or with --clear, replaces) the environment's mapping in
 * config.yml; with no pair, shows it. /plan and /apply translate the desired state with it.
 */
final class EnvironmentMaps {
    private EnvironmentMaps() {}

    static CommandResult map(KernelContext ctx, ConfigStore store, EnvironmentMapOptions o) {
        ConfigDocument doc = store.read();
        ConfigDocument.EnvironmentDocument env = EnvironmentNames.existing(doc, o.name());
        ConfigDocument.MapDocument m = env.map == null || o.clear() ? new ConfigDocument.MapDocument() : env.map;
        if (!o.empty() || o.clear()) {
            m.nodes.putAll(o.pairs().get("node"));
            m.storages.putAll(o.pairs().get("storage"));
            m.bridges.putAll(o.pairs().get("bridge"));
            m.subnets.putAll(o.pairs().get("subnet"));
            m.ostemplates.putAll(o.pairs().get("ostemplate"));
            env.map = empty(m) ? null : m;
            store.write(doc);
            ctx.audit(new AuditEntry(ctx.clock().instant(), ctx.user(), "", "environment map", "environment/" + o.name(), "ok", 0));
            ctx.console().success("Mapping of " + o.name() + " saved; /plan translates the desired state with it.");
        }
        List<List<String>> rows = new ArrayList<>();
        add(rows, "node", m.nodes);
        add(rows, "storage", m.storages);
        add(rows, "bridge", m.bridges);
        add(rows, "subnet", m.subnets);
        add(rows, "ostemplate", m.ostemplates);
        if (ctx.console().jsonRequested()) {
            ctx.console().json(env.map == null ? Map.of() : env.map);
        } else if (rows.isEmpty()) {
            ctx.console().info("Environment " + o.name() + " maps nothing: the desired state's names are used as they are.");
        } else {
            ctx.console().table(new Table(List.of("KIND", "FROM", "TO"), rows));
        }
        return CommandResult.ok();
    }

    private static void add(List<List<String>> rows, String kind, Map<String, String> pairs) {
        new TreeMap<>(pairs).forEach((from, to) -> rows.add(List.of(kind, from, to)));
    }

    private static boolean empty(ConfigDocument.MapDocument m) {
        return m.nodes.isEmpty() && m.storages.isEmpty() && m.bridges.isEmpty() && m.subnets.isEmpty() && m.ostemplates.isEmpty();
    }
}
