package dev.proxmoxmpc.plugin.testing.rules;

import dev.proxmoxmpc.spi.diag.Diagnostic;
import dev.proxmoxmpc.spi.diag.Severity;
import dev.proxmoxmpc.spi.iac.PolicyRequest;
import java.util.List;
import org.pf4j.Extension;

/** Production guests are protected against removal. */
@Extension
public class ProtectionRule extends Rule {
    public ProtectionRule() {
        super("protection-production", Severity.WARNING,
                "protection makes PVE refuse to remove a guest or its disks, so one wrong click or API call cannot delete production",
                "set 'protection: 1' on production guests");
    }

    @Override
    public List<Diagnostic> check(PolicyRequest request) {
        return request.desired().guests().stream()
                .filter(g -> !g.template() && production(g, request.environment()) && !g.protection())
                .map(g -> finding(g, "is a production guest without protection")).toList();
    }
}
