package dev.proxmoxmpc.plugin.proxmox.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.proxmoxmpc.plugin.proxmox.ProxmoxSession;
import dev.proxmoxmpc.plugin.simulator.SimulatorServer;
import dev.proxmoxmpc.spi.provider.ApiData;
import dev.proxmoxmpc.spi.provider.ProviderException;
import dev.proxmoxmpc.spi.provider.ProviderException.Kind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code ProviderSession.read}: any GET path as plain values, for plugins that need what the model does not carry. */
class ReadIT {
    private final SimulatorServer server = Simulators.demo();
    private final ProxmoxSession session = Simulators.session(server);

    @AfterEach
    void stop() {
        session.close();
        server.close();
    }

    @Test
    void readsAListAnswerAsRows() {
        List<Map<String, Object>> rows = session.read("/cluster/resources", Map.of("type", "vm")).rows();
        assertThat(rows).isNotEmpty().allSatisfy(r -> assertThat(r).containsKey("vmid"));
        assertThat(rows.get(0).get("vmid")).isInstanceOf(Long.class);
        assertThat(rows).extracting(r -> ApiData.string(r, "type")).containsOnly("qemu", "lxc");
    }

    @Test
    void readsAnObjectAnswerAndTextAnswers() {
        ApiData version = session.read("/version", Map.of());
        assertThat(ApiData.string(version.object(), "version")).isNotEmpty();
        assertThat(session.read("/cluster/nextid", Map.of()).text()).hasValueSatisfying(t -> assertThat(Integer.parseInt(t)).isPositive());
    }

    @Test
    void refusesPathsThatAreNotPlainApiPaths() {
        for (String bad : List.of("cluster/resources", "/cluster/../access", "/nodes?x=1", "//nodes")) {
            assertThatThrownBy(() -> session.read(bad, Map.of()))
                    .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.kind()).isEqualTo(Kind.INVALID));
        }
    }

    @Test
    void anUnknownPathIsNotFoundOrInvalidNeverAStackTrace() {
        assertThatThrownBy(() -> session.read("/cluster/no-such-thing", Map.of()))
                .isInstanceOf(ProviderException.class).hasMessageNotContaining("\n");
    }
}
