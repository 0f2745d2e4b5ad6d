package dev.proxmoxmpc.plugin.resources.command;

import dev.proxmoxmpc.plugin.resources.infra.NetworkFlags;
import dev.proxmoxmpc.plugin.resources.check.StateChecks;
import dev.proxmoxmpc.plugin.resources.infra.NetworkSpec;
import dev.proxmoxmpc.plugin.resources.state.Known;
import dev.proxmoxmpc.plugin.resources.view.InfraResult;
import dev.proxmoxmpc.spi.command.AssistantTool;
import dev.proxmoxmpc.spi.command.AssistantTool.Safety;
import dev.proxmoxmpc.spi.command.CommandResult;
import dev.proxmoxmpc.spi.command.ConsoleCommand;
import dev.proxmoxmpc.spi.command.UsageException;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import dev.proxmoxmpc.spi.model.Network;
import java.util.List;
import org.pf4j.Extension;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code create network --name vmbr1 [--node N] [--ports eth1] [--vlan ID] [--cidr CIDR] [--vlan-aware]}: a bridge or VLAN. */
@Extension
@Command(name = "create network", description = "Add a bridge or VLAN interface on a node to the desired state",
        footer = {"create network --name vmbr1 --ports eth1 --vlan-aware", "create network --name vmbr2 --ports eth2 --vlan 30",
            "create network --name vmbr0.40 --node pve2"})
@AssistantTool(Safety.DESIRED_STATE)
public class CreateNetworkCommand extends ResourceCommand implements ConsoleCommand {
    @Mixin
    NetworkFlags options = new NetworkFlags();

    @Override
    public CommandResult execute(KernelContext ctx) {
        Known known = known(ctx);
        String node = new StateChecks(known).defaultNode(options.node(), ctx.config().environment().node());
        Network n = NetworkSpec.build(options, node, known.networks(node));
        String id = node + "/" + n.iface();
        List<String> files = Persist.desired(ctx, known.desired().withNetwork(n), "create network", "network/" + id);
        new InfraResult("network", id, n.type(), n.config(), files).render(ctx.console(), json(ctx));
        return CommandResult.ok();
    }
}
