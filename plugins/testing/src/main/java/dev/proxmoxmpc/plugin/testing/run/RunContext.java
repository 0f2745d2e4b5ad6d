package dev.proxmoxmpc.plugin.testing.run;

import dev.proxmoxmpc.spi.iac.PolicyRequest;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.model.Node;
import java.util.Objects;
import java.util.Optional;

/**
 * What checks look at.
 *
 * @param phase       plan or live
 * @param desired     the desired inventory
 * @param observed    the observed inventory (fresh in the live phase, the last known in the plan phase)
 * @param unavailable why the server cannot be asked at all (every live check is skipped with it), if so
 * @param server      reads the server
 * @param reach       probes TCP ports
 */
public record RunContext(Phase phase, Inventory desired, Inventory observed, Optional<String> unavailable,
                         PolicyRequest.ServerReader server, Reachability reach) {
    public RunContext {
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(desired, "desired");
        Objects.requireNonNull(observed, "observed");
        Objects.requireNonNull(unavailable, "unavailable");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(reach, "reach");
    }

    /** @return the inventory a check measures: the desired one when planning, the observed one live. */
    public Inventory subject() {
        return phase == Phase.PLAN ? desired : observed;
    }

    /** @return why a node cannot be asked ({@code node pve2 is offline}), if so. */
    public Optional<String> nodeDown(String node) {
        return observed.nodes().stream().filter(n -> n.name().equals(node) && !n.online()).findFirst()
                .map(n -> "node " + n.name() + " is " + n.status());
    }

    /** @return the nodes known. */
    public java.util.List<Node> nodes() {
        return desired.nodes().isEmpty() ? observed.nodes() : desired.nodes();
    }
}
