package dev.proxmoxmpc.plugin.resources.command;

import dev.proxmoxmpc.plugin.resources.complete.Completion;

import dev.proxmoxmpc.plugin.resources.state.Freshness;
import dev.proxmoxmpc.plugin.resources.state.Known;
import dev.proxmoxmpc.spi.command.AssistantTool;
import dev.proxmoxmpc.spi.command.AssistantTool.Safety;
import dev.proxmoxmpc.spi.command.CommandResult;
import dev.proxmoxmpc.spi.command.ConsoleCommand;
import dev.proxmoxmpc.spi.console.Table;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import dev.proxmoxmpc.spi.model.Network;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.pf4j.Extension;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code list networks [--node N] [--json]}: the node interfaces, desired and on the server, with what /apply would do. */
@Extension
@Command(name = "list networks", description = "List node network interfaces from the local state",
        footer = {"list networks", "list networks --node pve1", "list networks --json"})
@AssistantTool(Safety.READ)
public class ListNetworksCommand extends ResourceCommand implements ConsoleCommand {
    @Option(names = "--node", paramLabel = "N", completionCandidates = Completion.Values.class, description = "only this node")
    String node;

    /**
     * One interface.
     *
     * @param pending {@code create}, {@code change}, {@code delete} or {@code ""}
     */
    public record Row(String node, String iface, String type, String cidr, String ports, boolean vlanAware, String pending) {}

    /** The result: rows plus how old the server's picture is. */
    public record Result(List<Row> networks, String freshness) {}

    @Override
    public CommandResult execute(KernelContext ctx) {
        Known known = known(ctx);
        Map<String, Network[]> pairs = new TreeMap<>();
        known.desired().networks().forEach(n -> pairs.computeIfAbsent(n.node() + "/" + n.iface(), k -> new Network[2])[0] = n);
        known.observed().networks().forEach(n -> pairs.computeIfAbsent(n.node() + "/" + n.iface(), k -> new Network[2])[1] = n);
        List<Row> rows = new ArrayList<>();
        for (Network[] p : pairs.values()) {
            Network n = p[0] != null ? p[0] : p[1];
            if (node != null && !node.equals(n.node())) {
                continue;
            }
            rows.add(new Row(n.node(), n.iface(), n.type(), n.cidr(), n.value("bridge_ports"), n.vlanAware(), pending(p[0], p[1])));
        }
        Result r = new Result(rows, Freshness.line(Freshness.lastSync(ctx.state()), ctx.clock().instant(), false));
        if (json(ctx)) {
            ctx.console().json(r);
        } else {
            ctx.console().table(new Table(List.of("NODE", "IFACE", "TYPE", "CIDR", "PORTS", "VLAN-AWARE", "PENDING"), rows.stream()
                    .map(x -> List.of(x.node(), x.iface(), x.type(), x.cidr(), x.ports(), x.vlanAware() ? "yes" : "", x.pending())).toList()));
            ctx.console().info(rows.size() + " interfaces; " + r.freshness());
        }
        return CommandResult.ok();
    }

    private static String pending(Network desired, Network observed) {
        if (observed == null) {
            return "create";
        }
        if (desired == null) {
            return "delete";
        }
        boolean same = desired.type().equals(observed.type()) && desired.config().entrySet().stream()
                .allMatch(e -> e.getValue().equals(observed.value(e.getKey())));
        return same ? "" : "change";
    }
}
