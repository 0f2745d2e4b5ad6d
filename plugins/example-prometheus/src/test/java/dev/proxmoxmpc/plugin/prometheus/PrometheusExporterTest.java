package dev.proxmoxmpc.plugin.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proxmoxmpc.spi.iac.ExportRequest;
import dev.proxmoxmpc.spi.iac.ExportResult;
import dev.proxmoxmpc.spi.iac.GeneratedFile;
import dev.proxmoxmpc.spi.model.GuestRuntime;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.model.PowerState;
import dev.proxmoxmpc.spi.model.VirtualMachine;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrometheusExporterTest {

    @Test
    void exportsAPrometheusConfigAndTargetsLabelledWithTheEnvironment() {
        Inventory inventory = Inventory.empty().withGuest(new VirtualMachine(101, "pve1", "", PowerState.RUNNING,
                Map.of("name", "web-01", "ipconfig0", "ip=10.0.0.11/24,gw=10.0.0.1"), GuestRuntime.NONE));

        ExportResult result = new PrometheusExporter().export(
                new ExportRequest(inventory, "production", List.of(), Map.of(), Map.of("port", "9273")));

        assertThat(result.files()).extracting(GeneratedFile::path).containsExactly("prometheus.yml", "targets.json");
        assertThat(result.files().get(0).content()).contains("environment production", "files: [targets.json]");
        assertThat(result.files().get(1).content()).contains("\"10.0.0.11:9273\"", "\"environment\" : \"production\"");
    }
}
