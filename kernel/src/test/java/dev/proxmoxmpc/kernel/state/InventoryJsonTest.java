package dev.proxmoxmpc.kernel.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proxmoxmpc.spi.testkit.SampleInventories;
import dev.proxmoxmpc.spi.model.Container;
import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.state.StateException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InventoryJsonTest {
    @Test
    void roundTripsAnInventoryWithBothKindsOfGuestExactly() {
        Inventory inv = SampleInventories.cluster();
        assertThat(InventoryJson.read(InventoryJson.write(inv))).isEqualTo(inv);
    }

    @Test
    void marksEachGuestWithItsPveType() throws Exception {
        JsonNode tree = InventoryJson.mapper().readTree(InventoryJson.write(SampleInventories.cluster()));
        assertThat(tree.path("guests").findValuesAsText("kind")).containsExactly("qemu", "lxc", "qemu");
        assertThat(tree.path("guests").get(0).path("config").path("net0").asText())
                .isEqualTo("virtio=BC:24:11:2A:3B:4C,bridge=vmbr0,firewall=1");
    }

    @Test
    void readsASingleGuestBackAsItsType() {
        Guest ct = SampleInventories.cluster().guest(200).orElseThrow();
        assertThat(InventoryJson.readGuest(InventoryJson.writeGuest(ct))).isInstanceOf(Container.class).isEqualTo(ct);
    }

    @Test
    void unreadableJsonIsAOneLineStateException() {
        assertThatThrownBy(() -> InventoryJson.read("{\"guests\": [{\"kind\": \"docker\"}]}"))
                .isInstanceOf(StateException.class).hasMessageStartingWith("stored Inventory JSON is unreadable")
                .hasMessageNotContaining("\n");
    }

    @Test
    void aStoredConfigReadsBackExactlyAndAnythingElseIsAOneLineStateException() {
        Map<String, String> config = SampleInventories.cluster().guest(200).orElseThrow().config();
        assertThat(InventoryJson.readMap(InventoryJson.writeMap(config))).isEqualTo(config);
        assertThat(InventoryJson.readMap("{\"cores\": 2, \"onboot\": true, \"name\": \"a\\\"b\"}"))
                .containsExactly(Map.entry("cores", "2"), Map.entry("onboot", "true"), Map.entry("name", "a\"b"));
        for (String bad : List.of("[1]", "{\"net0\": {\"bridge\": \"vmbr0\"}}", "{\"a\": null}", "{\"a\": \"1\"} {}", "{\"a\": ")) {
            assertThatThrownBy(() -> InventoryJson.readMap(bad)).as(bad)
                    .isInstanceOf(StateException.class).hasMessageStartingWith("stored Map JSON is unreadable")
                    .hasMessageNotContaining("\n");
        }
    }
}
