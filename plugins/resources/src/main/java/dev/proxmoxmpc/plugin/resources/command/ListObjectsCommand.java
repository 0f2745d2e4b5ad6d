package dev.proxmoxmpc.plugin.resources.command;

import dev.proxmoxmpc.plugin.resources.state.Freshness;
import dev.proxmoxmpc.spi.command.AssistantTool;
import dev.proxmoxmpc.spi.command.AssistantTool.Safety;
import dev.proxmoxmpc.spi.command.Candidates;
import dev.proxmoxmpc.spi.command.CommandResult;
import dev.proxmoxmpc.spi.command.CompletionRequest;
import dev.proxmoxmpc.spi.command.ConsoleCommand;
import dev.proxmoxmpc.spi.console.Table;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import dev.proxmoxmpc.spi.model.ClusterObject;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.state.StateKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.pf4j.Extension;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code list objects [KIND] [--scope S] [--json]}: the cluster configuration beyond guests, storages, networks and
 * pools (backup and replication jobs, HA, firewall, SDN, access), desired and on the server, with what /apply would do.
 */
@Extension
@Command(name = "list objects", description = "List cluster objects (jobs, HA, firewall, SDN, access) from the local state",
        footer = {"list objects", "list objects backup-job", "list objects firewall-rules --scope vm/101", "list objects --json"})
@AssistantTool(Safety.READ)
public class ListObjectsCommand extends ResourceCommand implements ConsoleCommand {
    @Parameters(arity = "0..1", paramLabel = "<kind>", completionCandidates = Kinds.class,
            description = "only this kind (backup-job, ha-rule, firewall-rules, sdn-vnet, user, ...)")
    String kind;
    @Option(names = "--scope", paramLabel = "S", description = "only this scope: node/<node>, vm/<vmid>, ct/<vmid>, or '' for the cluster")
    String scope;

    /**
     * One object.
     *
     * @param pending {@code create}, {@code change}, {@code delete} or {@code ""}
     */
    public record Row(String kind, String scope, String id, String summary, String pending) {}

    /** The result: rows plus how old the server's picture is. */
    public record Result(List<Row> objects, String freshness) {}

    /** Kinds in the local state, for Tab. */
    public static final class Kinds implements Candidates {
        @Override
        public List<String> candidates(KernelContext ctx, CompletionRequest request) {
            TreeSet<String> out = new TreeSet<>();
            ctx.state().infrastructure(StateKind.DESIRED).objects().forEach(o -> out.add(o.kind()));
            ctx.state().infrastructure(StateKind.OBSERVED).objects().stream().filter(o -> !o.readOnly()).forEach(o -> out.add(o.kind()));
            return List.copyOf(out);
        }
    }

    @Override
    public CommandResult execute(KernelContext ctx) {
        Inventory desired = ctx.state().infrastructure(StateKind.DESIRED);
        Inventory observed = ctx.state().infrastructure(StateKind.OBSERVED);
        Map<String, ClusterObject[]> pairs = new TreeMap<>();
        desired.objects().stream().filter(o -> !o.readOnly()).forEach(o -> pairs.computeIfAbsent(o.key(), k -> new ClusterObject[2])[0] = o);
        observed.objects().stream().filter(o -> !o.readOnly()).forEach(o -> pairs.computeIfAbsent(o.key(), k -> new ClusterObject[2])[1] = o);
        List<Row> rows = new ArrayList<>();
        for (ClusterObject[] p : pairs.values()) {
            ClusterObject o = p[0] != null ? p[0] : p[1];
            if ((kind != null && !kind.equals(o.kind())) || (scope != null && !scope.equals(o.scope()))) {
                continue;
            }
            rows.add(new Row(o.kind(), o.scope(), o.id(), summary(o), pending(p[0], p[1])));
        }
        Result r = new Result(rows, Freshness.line(Freshness.lastSync(ctx.state()), ctx.clock().instant(), false));
        if (json(ctx)) {
            ctx.console().json(r);
        } else {
            ctx.console().table(new Table(List.of("KIND", "SCOPE", "ID", "SETTINGS", "PENDING"), rows.stream()
                    .map(x -> List.of(x.kind(), x.scope().isEmpty() ? "cluster" : x.scope(), x.id(), x.summary(), x.pending())).toList()));
            ctx.console().info(rows.size() + " objects; " + r.freshness());
        }
        return CommandResult.ok();
    }

    /** @return the first few settings, {@code key=value}, cut to one table cell */
    static String summary(ClusterObject o) {
        List<String> parts = new ArrayList<>();
        o.config().forEach((k, v) -> {
            if (!k.equals("digest")) {
                parts.add(k + "=" + v.replace('\n', ' '));
            }
        });
        String s = String.join(" ", parts);
        return s.length() > 60 ? s.substring(0, 59) + "…" : s;
    }

    static String pending(ClusterObject desired, ClusterObject observed) {
        if (observed == null) {
            return "create";
        }
        if (desired == null) {
            return "delete";
        }
        Map<String, String> d = new TreeMap<>(desired.config());
        Map<String, String> o = new TreeMap<>(observed.config());
        d.remove("digest");
        o.remove("digest");
        return d.equals(o) ? "" : "change";
    }
}
