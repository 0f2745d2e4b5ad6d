package dev.proxmoxmpc.plugin.testing.rules;

import dev.proxmoxmpc.spi.diag.Diagnostic;
import dev.proxmoxmpc.spi.iac.Policy;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.model.Node;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.pf4j.Extension;

/** Every guest is placed on a node the cluster has. */
@Extension
public class GuestNodePolicy implements Policy {
    @Override
    public String id() {
        return "guest-node-exists";
    }

    @Override
    public String why() {
        return "a guest placed on a node the cluster does not have cannot be created";
    }

    @Override
    public String fix() {
        return "place the guest on one of the cluster's nodes";
    }

    @Override
    public List<Diagnostic> check(Inventory desired) {
        if (desired.nodes().isEmpty()) {
            return List.of();
        }
        Set<String> nodes = desired.nodes().stream().map(Node::name).collect(Collectors.toSet());
        return desired.guests().stream().filter(g -> !nodes.contains(g.node()))
                .map(g -> Diagnostic.error("node '" + g.node() + "' is not in the cluster (" + String.join(", ", nodes.stream().sorted().toList())
                        + ")", Rule.source(g)))
                .toList();
    }
}
