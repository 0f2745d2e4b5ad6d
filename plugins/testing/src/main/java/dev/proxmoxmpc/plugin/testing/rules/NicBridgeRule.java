package dev.proxmoxmpc.plugin.testing.rules;

import dev.proxmoxmpc.spi.diag.Diagnostic;
import dev.proxmoxmpc.spi.diag.Severity;
import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.model.Network;
import dev.proxmoxmpc.spi.model.Nic;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.pf4j.Extension;

/** Every NIC's bridge exists on the guest's node. */
@Extension
public class NicBridgeRule extends Rule {
    public NicBridgeRule() {
        super("nic-bridge-exists", Severity.ERROR,
                "a guest whose NIC names a bridge its node does not have fails to start",
                "use a bridge the node has (see /list networks), or create the bridge on the node");
    }

    @Override
    public List<Diagnostic> check(Inventory desired) {
        List<Diagnostic> out = new ArrayList<>();
        Set<String> nodesWithNetworks = desired.networks().stream().map(Network::node).collect(Collectors.toSet());
        for (Guest g : desired.guests()) {
            if (!nodesWithNetworks.contains(g.node())) {
                continue;
            }
            for (Nic n : g.nics()) {
                boolean exists = desired.networks().stream().anyMatch(w -> w.node().equals(g.node()) && w.iface().equals(n.bridge()));
                if (!n.bridge().isEmpty() && !exists) {
                    out.add(finding(g, n.slot() + " uses bridge " + n.bridge() + ", which node " + g.node() + " does not have"));
                }
            }
        }
        return out;
    }
}
