package dev.proxmoxmpc.plugin.testing.rules;

import dev.proxmoxmpc.spi.diag.Diagnostic;
import dev.proxmoxmpc.spi.diag.Severity;
import dev.proxmoxmpc.spi.iac.PolicyRequest;
import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.GuestKind;
import dev.proxmoxmpc.spi.model.Node;
import dev.proxmoxmpc.spi.provider.ApiData;
import dev.proxmoxmpc.spi.provider.ProviderException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.pf4j.Extension;

/**
 * No configuration change waits for a reboot: {@code GET /nodes/{node}/{qemu|lxc}/{vmid}/pending} lists no key with a
 * {@code pending} value or a {@code delete} mark. Guests on offline or unreachable nodes are skipped (an info finding
 * says so); without the privilege to read, the whole rule is skipped.
 */
@Extension
public class PendingChangesRule extends Rule {
    public PendingChangesRule() {
        super("pending-changes", Severity.WARNING,
                "a change PVE could not apply to the running guest takes effect at its next restart, possibly long after and by surprise",
                "restart the guest in a maintenance window (or apply the change with hotplug enabled)");
    }

    @Override
    public List<Diagnostic> check(PolicyRequest request) {
        List<Diagnostic> out = new ArrayList<>();
        Set<String> offline = new TreeSet<>();
        request.observed().nodes().stream().filter(n -> !n.online()).map(Node::name).forEach(offline::add);
        Set<String> unreachable = new TreeSet<>();
        for (Guest g : request.observed().guests()) {
            if (offline.contains(g.node()) || unreachable.contains(g.node()) || g.template()) {
                continue;
            }
            String path = "/nodes/" + g.node() + "/" + (g.kind() == GuestKind.VM ? "qemu" : "lxc") + "/" + g.vmid() + "/pending";
            try {
                List<String> keys = new ArrayList<>();
                for (Map<String, Object> row : request.server().read(path, Map.of()).rows()) {
                    if (row.containsKey("pending") || ApiData.number(row, "delete", 0) > 0) {
                        keys.add(ApiData.string(row, "key"));
                    }
                }
                if (!keys.isEmpty()) {
                    out.add(finding(g, "changes wait for a restart: " + String.join(", ", keys)));
                }
            } catch (ProviderException e) {
                if (e.kind() != ProviderException.Kind.CONNECTION && e.kind() != ProviderException.Kind.TIMEOUT) {
                    throw e;
                }
                unreachable.add(g.node());
            }
        }
        offline.addAll(unreachable);
        offline.forEach(n -> out.add(new Diagnostic(Severity.INFO, "skipped node " + n + ": it is offline or unreachable", "", "node/" + n)));
        return out;
    }
}
