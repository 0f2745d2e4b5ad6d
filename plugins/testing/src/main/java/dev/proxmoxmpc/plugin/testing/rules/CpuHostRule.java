package dev.proxmoxmpc.plugin.testing.rules;

import dev.proxmoxmpc.spi.diag.Diagnostic;
import dev.proxmoxmpc.spi.diag.Severity;
import dev.proxmoxmpc.spi.model.Inventory;
import java.util.List;
import org.pf4j.Extension;

/** CPU type {@code host} ties a VM to nodes with the same CPU. */
@Extension
public class CpuHostRule extends Rule {
    public CpuHostRule() {
        super("cpu-host-migration", Severity.WARNING,
                "CPU type host passes the node's exact CPU to the guest, which blocks live migration to nodes with a different CPU",
                "use a generic model such as x86-64-v2-AES (or x86-64-v3 when every node supports it) unless the guest needs host features");
    }

    @Override
    public List<Diagnostic> check(Inventory desired) {
        if (desired.nodes().size() < 2) {
            return List.of();
        }
        return desired.vms().stream().filter(v -> !v.template() && v.cpuType().equals("host"))
                .map(v -> finding(v, "uses CPU type host in a cluster of " + desired.nodes().size() + " nodes")).toList();
    }
}
