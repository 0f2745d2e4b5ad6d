package dev.proxmoxmpc.plugin.testing.rules;

import dev.proxmoxmpc.plugin.testing.check.NodeLoad;
import dev.proxmoxmpc.spi.diag.Diagnostic;
import dev.proxmoxmpc.spi.diag.Severity;
import dev.proxmoxmpc.spi.iac.PolicyRequest;
import java.util.List;
import org.pf4j.Extension;

/** A node's running guests have at most {@code max_vcpus_per_core} (default 4) vCPUs per logical CPU. */
@Extension
public class NodeCpuRule extends Rule {
    public NodeCpuRule() {
        super("node-cpu-overcommit", Severity.WARNING,
                "beyond about 4 vCPUs per core guests wait for CPU time (steal), and latency-sensitive services stutter",
                "move guests to other nodes or give them fewer cores; raise max_vcpus_per_core in policies.yml for idle labs");
    }

    @Override
    public List<Diagnostic> check(PolicyRequest request) {
        double limit = Options.number(request.options(), "max_vcpus_per_core", 4);
        return NodeLoad.of(request.desired(), NodeLoad.nodes(request.desired(), request.observed())).stream()
                .filter(l -> l.maxCpu() > 0 && l.vcpus() > limit * l.maxCpu())
                .map(l -> finding("node/" + l.node(), "node " + l.node() + ": " + l.vcpus() + " vCPUs on " + l.maxCpu()
                        + " logical CPUs is more than " + Options.format(limit) + " per CPU"))
                .toList();
    }
}
