package dev.proxmoxmpc.plugin.proxmox.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proxmoxmpc.plugin.proxmox.ProxmoxSession;
import dev.proxmoxmpc.plugin.simulator.SimulatorServer;
import dev.proxmoxmpc.spi.console.Progress;
import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.model.Network;
import dev.proxmoxmpc.spi.model.Node;
import org.junit.jupiter.api.Test;

/** Discovery of a cluster with a node down: everything reachable is read, the node is reported, nothing fails. */
class OfflineNodeIT {

    @Test
    void readsEverythingReachableAndLeavesTheOfflineNodesGuestsOut() {
        try (SimulatorServer server = Simulators.demo()) {
            server.faults().nodeOffline("pve3", true);
            Inventory inv;
            try (ProxmoxSession session = Simulators.session(server)) {
                inv = session.discover(Progress.NONE);
            }
            assertThat(inv.nodes()).extracting(Node::name, Node::status)
                    .contains(org.assertj.core.groups.Tuple.tuple("pve3", "offline"),
                            org.assertj.core.groups.Tuple.tuple("pve1", "online"));
            assertThat(inv.guests()).extracting(Guest::node).doesNotContain("pve3").contains("pve1", "pve2");
            assertThat(inv.guest(100)).isPresent();
            assertThat(inv.guest(103)).isEmpty();
            assertThat(inv.networks()).extracting(Network::node).doesNotContain("pve3");
            assertThat(inv.storages()).isNotEmpty();
        }
    }
}
