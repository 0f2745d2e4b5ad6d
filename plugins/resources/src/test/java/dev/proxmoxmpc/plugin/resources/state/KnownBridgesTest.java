package dev.proxmoxmpc.plugin.resources.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proxmoxmpc.spi.model.ClusterObject;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.model.Network;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KnownBridgesTest {
    @Test
    void sdnVnetsAreBridgesOnTheNodesOfTheirZone() {
        Inventory observed = Inventory.empty().withNetwork(new Network("pve1", "vmbr0", "bridge", Map.of()))
                .withObjects(List.of(new ClusterObject("sdn-zone", "", "lab", Map.of("type", "simple")),
                        new ClusterObject("sdn-zone", "", "edge", Map.of("type", "simple", "nodes", "pve2")),
                        new ClusterObject("sdn-vnet", "", "labnet", Map.of("zone", "lab")),
                        new ClusterObject("sdn-vnet", "", "edgenet", Map.of("zone", "edge")),
                        new ClusterObject("sdn-vnet", "", "orphan", Map.of("zone", "gone"))));
        Known known = new Known(Inventory.empty(), observed);
        assertThat(known.bridges("pve1")).containsExactly("labnet", "vmbr0");
        assertThat(known.bridges("pve2")).containsExactly("edgenet", "labnet");
    }
}
