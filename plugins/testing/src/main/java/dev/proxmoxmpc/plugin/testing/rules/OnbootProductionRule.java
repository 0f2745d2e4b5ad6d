package dev.proxmoxmpc.plugin.testing.rules;

import dev.proxmoxmpc.spi.diag.Diagnostic;
import dev.proxmoxmpc.spi.diag.Severity;
import dev.proxmoxmpc.spi.iac.PolicyRequest;
import dev.proxmoxmpc.spi.model.PowerState;
import java.util.List;
import org.pf4j.Extension;

/** Production guests that run start when their node boots. */
@Extension
public class OnbootProductionRule extends Rule {
    public OnbootProductionRule() {
        super("onboot-production", Severity.WARNING,
                "after a node reboots (updates, power loss) a production guest without onboot stays down until someone notices",
                "set 'onboot: 1' on production guests");
    }

    @Override
    public List<Diagnostic> check(PolicyRequest request) {
        return request.desired().guests().stream()
                .filter(g -> !g.template() && g.status() == PowerState.RUNNING && production(g, request.environment()) && !g.onboot())
                .map(g -> finding(g, "is a running production guest without onboot")).toList();
    }
}
