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

/** {@code list storage [--json]}: storage definitions, desired and on the server, with what /apply would do. */
@Extension
@Command(name = "list storage", aliases = "list storages", description = "List storage definitions from the local state",
        footer = {"list storage", "list storage --json"})
@AssistantTool(Safety.READ)
public class ListStorageCommand extends ResourceCommand implements ConsoleCommand {

    /**
     * One storage.
     *
     * @param location the path, or server:export for NFS, or vgname/thinpool for LVM-thin
     * @param nodes    the nodes it is limited to, empty for all
     * @param pending  {@code create}, {@code change}, {@code delete} or {@code ""}
     */
    public record Row(String id, String type, List<String> content, String location, List<String> nodes, boolean shared, String pending) {}

    /** The result: rows plus how old the server's picture is. */
    public record Result(List<Row> storages, String freshness) {}

    @Override
    public CommandResult execute(KernelContext ctx) {
        Known known = known(ctx);
        Map<String, Storage[]> pairs = new TreeMap<>();
        known.desired().storages().forEach(s -> pairs.computeIfAbsent(s.id(), k -> new Storage[2])[0] = s);
        known.observed().storages().forEach(s -> pairs.computeIfAbsent(s.id(), k -> new Storage[2])[1] = s);
        List<Row> rows = new ArrayList<>();
        for (Storage[] p : pairs.values()) {
            Storage s = p[0] != null ? p[0] : p[1];
            rows.add(new Row(s.id(), s.type(), s.content(), location(s), s.nodes(), s.shared(), pending(p[0], p[1])));
        }
        Result r = new Result(rows, Freshness.line(Freshness.lastSync(ctx.state()), ctx.clock().instant(), false));
        if (json(ctx)) {
            ctx.console().json(r);
        } else {
            ctx.console().table(new Table(List.of("ID", "TYPE", "CONTENT", "LOCATION", "NODES", "SHARED", "PENDING"), rows.stream()
                    .map(x -> List.of(x.id(), x.type(), String.join(",", x.content()), x.location(),
                            x.nodes().isEmpty() ? "all" : String.join(",", x.nodes()), x.shared() ? "yes" : "", x.pending())).toList()));
            ctx.console().info(rows.size() + " storages; " + r.freshness());
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
