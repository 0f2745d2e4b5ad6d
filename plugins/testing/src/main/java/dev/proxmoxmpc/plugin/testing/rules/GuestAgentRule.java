package dev.proxmoxmpc.plugin.testing.rules;

import dev.proxmoxmpc.spi.diag.Diagnostic;
import dev.proxmoxmpc.spi.diag.Severity;
import dev.proxmoxmpc.spi.model.Inventory;
import java.util.List;
import org.pf4j.Extension;

/** VMs have the QEMU guest agent enabled. */
@Extension
public class GuestAgentRule extends Rule {
    public GuestAgentRule() {
        super("guest-agent-enabled", Severity.WARNING,
                "without the guest agent PVE cannot shut a VM down cleanly, freeze its file systems for backups or report its IP addresses",
                "set 'agent: 1' and install qemu-guest-agent in the guest");
    }

    @Override
    public List<Diagnostic> check(Inventory desired) {
        return desired.vms().stream().filter(v -> !v.template() && !v.agent())
                .map(v -> finding(v, "the QEMU guest agent is not enabled (agent)")).toList();
    }
}
