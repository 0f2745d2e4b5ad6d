package dev.proxmoxmpc.plugin.testing.rules;

import dev.proxmoxmpc.spi.diag.Diagnostic;
import dev.proxmoxmpc.spi.diag.Severity;
import dev.proxmoxmpc.spi.iac.PolicyRequest;
import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.Network;
import dev.proxmoxmpc.spi.model.Nic;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.pf4j.Extension;

/**
 * NICs on public bridges have the PVE firewall on. Public bridges: the option {@code public_bridges} (a list), else
 * every bridge that has a gateway (the node's uplink).
 */
@Extension
public class FirewallBridgeRule extends Rule {
    public FirewallBridgeRule() {
        super("firewall-public-bridge", Severity.WARNING,
                "a NIC without firewall=1 bypasses the cluster's and the guest's firewall rules on the network other machines reach",
                "set firewall=1 on the NIC (netN) and enable the guest's firewall rules");
    }

    @Override
    public List<Diagnostic> check(PolicyRequest request) {
        Set<String> publicBridges = publicBridges(request);
        List<Diagnostic> out = new ArrayList<>();
        for (Guest g : request.desired().guests()) {
            if (g.template()) {
                continue;
            }
            for (Nic n : g.nics()) {
                if (publicBridges.contains(n.bridge()) && !n.firewall()) {
                    out.add(finding(g, n.slot() + " on public bridge " + n.bridge() + " has the firewall off"));
                }
            }
        }
        return out;
    }

    private static Set<String> publicBridges(PolicyRequest request) {
        Object configured = request.options().get("public_bridges");
        Set<String> out = new TreeSet<>();
        if (configured instanceof Collection<?> c) {
            c.forEach(b -> out.add(String.valueOf(b)));
            return out;
        }
        for (Network n : request.desired().networks()) {
            if (n.bridge() && !n.value("gateway").isEmpty()) {
                out.add(n.iface());
            }
        }
        return out;
    }
}
