package dev.proxmoxmpc.plugin.resources.command;

import dev.proxmoxmpc.plugin.resources.state.Freshness;
import dev.proxmoxmpc.plugin.resources.state.Known;
import dev.proxmoxmpc.spi.command.AssistantTool;
import dev.proxmoxmpc.spi.command.AssistantTool.Safety;
import dev.proxmoxmpc.spi.command.CommandResult;
import dev.proxmoxmpc.spi.command.ConsoleCommand;
import dev.proxmoxmpc.spi.console.Table;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import dev.proxmoxmpc.spi.model.Storage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.pf4j.Extension;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code list storage [--offline] [--json]}: storage definitions, desired and on the server, with what /apply would
 * do, and each node's use and capacity as the server reports them now (one {@code GET /cluster/resources}).
 */
@Extension
@Command(name = "list storage", aliases = "list storages",
        description = "List storage definitions from the local state, with their use and capacity on each node",
        footer = {"list storage", "list storage --offline", "list storage --json"})
@AssistantTool(Safety.READ)
public class ListStorageCommand extends ResourceCommand implements ConsoleCommand {
    @Option(names = "--offline", description = "only the local state: do not ask the server for use and capacity")
    private boolean offline;

    /**
     * One storage.
     *
     * @param location the path, or server:export for NFS, or vgname/thinpool for LVM-thin
     * @param nodes    the nodes it is limited to, empty for all
     * @param pending  {@code create}, {@code change}, {@code delete} or {@code ""}
     * @param usage    per node, as the server reports it now (empty with {@code --offline} or when it cannot be asked)
     */
    public record Row(String id, String type, List<String> content, String location, List<String> nodes, boolean shared,
                      String pending, List<StorageUsage> usage) {}

    /** The result: rows plus how old the server's picture is, and why use is not shown (empty when it is). */
    public record Result(List<Row> storages, String freshness, String usageNote) {}

    @Override
    public CommandResult execute(KernelContext ctx) {
        Known known = known(ctx);
        Map<String, Storage[]> pairs = new TreeMap<>();
        known.desired().storages().forEach(s -> pairs.computeIfAbsent(s.id(), k -> new Storage[2])[0] = s);
        known.observed().storages().forEach(s -> pairs.computeIfAbsent(s.id(), k -> new Storage[2])[1] = s);
        StorageUsage.Read usage = offline ? StorageUsage.Read.notAsked() : StorageUsage.read(ctx);
        List<Row> rows = new ArrayList<>();
        for (Storage[] p : pairs.values()) {
            Storage s = p[0] != null ? p[0] : p[1];
            rows.add(new Row(s.id(), s.type(), s.content(), location(s), s.nodes(), s.shared(), pending(p[0], p[1]),
                    usage.of(s.id())));
        }
        Result r = new Result(rows, Freshness.line(Freshness.lastSync(ctx.state()), ctx.clock().instant(), false),
                usage.note());
        if (json(ctx)) {
            ctx.console().json(r);
        } else {
            ctx.console().table(new Table(List.of("ID", "TYPE", "CONTENT", "LOCATION", "NODES", "SHARED", "USED", "PENDING"),
                    rows.stream().map(x -> List.of(x.id(), x.type(), String.join(",", x.content()), x.location(),
                            x.nodes().isEmpty() ? "all" : String.join(",", x.nodes()), x.shared() ? "yes" : "",
                            StorageUsage.shown(x.usage(), x.shared()), x.pending())).toList()));
            ctx.console().info(rows.size() + " storages; " + r.freshness()
                    + (usage.note().isEmpty() ? "; use and capacity read from the server now" : "; " + usage.note()));
        }
        return CommandResult.ok();
    }

    private static String location(Storage s) {
        Map<String, String> c = s.config();
        if (c.containsKey("server")) {
            return c.get("server") + ":" + c.getOrDefault("export", "");
        }
        if (c.containsKey("vgname")) {
            return c.get("vgname") + (c.containsKey("thinpool") ? "/" + c.get("thinpool") : "");
        }
        return c.getOrDefault("path", c.getOrDefault("pool", ""));
    }

    private static String pending(Storage desired, Storage observed) {
        if (observed == null) {
            return "create";
        }
        if (desired == null) {
            return "delete";
        }
        boolean same = desired.type().equals(observed.type()) && desired.config().entrySet().stream()
                .filter(e -> !e.getKey().equals("digest")).allMatch(e -> e.getValue().equals(observed.config().get(e.getKey())));
        return same ? "" : "change";
    }
}
