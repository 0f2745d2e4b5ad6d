package dev.proxmoxmpc.e2e.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proxmoxmpc.e2e.Product;
import dev.proxmoxmpc.plugin.simulator.SimulatorOptions;
import dev.proxmoxmpc.plugin.simulator.SimulatorServer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The import flow on the demo cluster: sync finds everything, status counts it, the import is exact, and
 * {@code describe} shows the addresses the guest agents and containers report.
 */
class DemoImportIT {

    @Test
    void syncImportsTheDemoClusterExactly(@TempDir Path tmp) throws Exception {
        try (SimulatorServer sim = SimulatorServer.start(SimulatorOptions.builder().scenario("demo").port(0).build())) {
            SyncProject p = SyncProject.init(tmp, sim);

            Product.Run sync = p.ok("sync");
            assertThat(sync.stdout()).contains("Found 3 nodes, 12 VMs, 5 containers (2 templates)", "Drift: None",
                    "Conflicts: None", "Pending changes: none");

            Product.Run status = p.ok("status");
            assertThat(status.stdout()).contains("VMs: 12 (10 running, 2 stopped)", "Templates: 2", "Drift: None",
                    "last sync: just now", "Pending changes: none");
            JsonNode json = p.json("status", "--json");
            assertThat(json.path("vms").path("running").asInt()).isEqualTo(10);
            assertThat(json.path("vms").path("stopped").asInt()).isEqualTo(2);
            assertThat(json.path("containers").path("total").asInt()).isEqualTo(5);
            assertThat(json.path("nodes")).hasSize(3);

            Product.Run plan = p.run("--detailed-exitcode", "plan");
            assertThat(plan.exitCode()).as(plan.all()).isZero();
            assertThat(plan.stdout()).contains("No changes.");
            JsonNode planJson = p.json("plan", "--json");
            assertThat(planJson.path("changes").asBoolean()).isFalse();
            assertThat(planJson.path("items")).isEmpty();

            assertThat(p.ok("describe", "vm", "web-01").stdout()).as("the guest agent's address").contains("   ip 10.0.0.101");
            assertThat(p.ok("describe", "vm", "ci-runner-01").stdout()).as("its DHCP lease").contains("   ip 10.0.0.236");
            assertThat(p.ok("describe", "container", "dns-01").stdout()).contains("   ip 10.0.0.53");
            assertThat(p.ok("describe", "vm", "win-dc-01").stdout()).as("its agent does not answer").doesNotContain("   ip ");
            assertThat(p.ok("describe", "vm", "staging-web").stdout()).as("stopped").doesNotContain("   ip ");

            Product.Run again = p.ok("sync");
            assertThat(again.stdout()).contains("Drift: None").containsPattern("Generated: 0 written, \\d+ unchanged");
        }
    }
}
