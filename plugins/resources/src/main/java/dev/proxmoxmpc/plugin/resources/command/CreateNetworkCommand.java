package dev.proxmoxmpc.plugin.resources.command;

import dev.proxmoxmpc.plugin.resources.check.StateChecks;
import dev.proxmoxmpc.plugin.resources.infra.NetworkSpec;
import dev.proxmoxmpc.plugin.resources.state.Known;
import dev.proxmoxmpc.plugin.resources.view.InfraResult;
import dev.proxmoxmpc.spi.command.Args;
import dev.proxmoxmpc.spi.command.CommandResult;
import dev.proxmoxmpc.spi.command.ConsoleCommand;
import dev.proxmoxmpc.spi.command.UsageException;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import dev.proxmoxmpc.spi.model.Network;
import java.util.List;
import java.util.Set;
import org.pf4j.Extension;

/** {@code create network --name vmbr1 [--node N] [--ports eth1] [--vlan ID] [--cidr CIDR] [--vlan-aware]}: a bridge or VLAN. */
@Extension
public class CreateNetworkCommand extends ResourceCommand implements ConsoleCommand {

    @Override
    public String name() {
        return "create network";
    }

    @Override
    public String summary() {
        return "Add a bridge or VLAN interface on a node to the desired state";
    }

    @Override
    public String usage() {
        return "create network --name vmbr1|eth1.20 [--node N] [--ports eth1] [--vlan ID] [--cidr 10.0.1.1/24] [--gateway IP]"
                + " [--vlan-aware] [--comments TEXT]";
    }

    @Override
    public List<String> examples() {
        return List.of("create network --name vmbr1 --ports eth1 --vlan-aware", "create network --name vmbr2 --ports eth2 --vlan 30",
                "create network --name vmbr0.40 --node pve2");
    }

    @Override
    Set<String> valueFlags() {
        return NetworkSpec.VALUE_FLAGS;
    }

    @Override
    Set<String> booleanFlags() {
        return NetworkSpec.BOOLEAN_FLAGS;
    }

    @Override
    public CommandResult execute(KernelContext ctx, List<String> args) {
        Args a = parse(args);
        if (!a.positionals().isEmpty()) {
            throw new UsageException("unexpected '" + a.positionals().get(0) + "'; usage: " + usage());
        }
        Known known = known(ctx);
        String node = new StateChecks(known).defaultNode(a.value("--node"), ctx.config().environment().node());
        Network n = NetworkSpec.build(a, node, known.networks(node));
        String id = node + "/" + n.iface();
        List<String> files = Persist.desired(ctx, known.desired().withNetwork(n), "create network", "network/" + id);
        new InfraResult("network", id, n.type(), n.config(), files).render(ctx.console(), json(ctx, a));
        return CommandResult.ok();
    }
}
