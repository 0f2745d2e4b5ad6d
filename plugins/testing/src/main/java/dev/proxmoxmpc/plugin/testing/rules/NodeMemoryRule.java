package dev.proxmoxmpc.plugin.testing.rules;

import dev.proxmoxmpc.plugin.testing.check.NodeLoad;
import dev.proxmoxmpc.spi.diag.Diagnostic;
import dev.proxmoxmpc.spi.diag.Severity;
import dev.proxmoxmpc.spi.iac.PolicyRequest;
import java.util.List;
import org.pf4j.Extension;

/** The running guests of a node are not given more memory than the node has. */
@Extension
public class NodeMemoryRule extends Rule {
    public NodeMemoryRule() {
        super("node-memory-overcommit", Severity.ERROR,
                "when running guests are given more memory than the node has, the kernel's OOM killer ends one of them",
                "move a guest to a node with free memory, give guests less memory, or stop one");
    }

    @Override
    public List<Diagnostic> check(PolicyRequest request) {
        return NodeLoad.of(request.desired(), NodeLoad.nodes(request.desired(), request.observed())).stream()
                .filter(l -> l.maxMemory() > 0 && l.memory() > l.maxMemory())
                .map(l -> finding("node/" + l.node(), "node " + l.node() + ": running guests are given " + NodeLoad.gib(l.memory())
                        + " of memory, the node has " + NodeLoad.gib(l.maxMemory())))
                .toList();
    }
}
