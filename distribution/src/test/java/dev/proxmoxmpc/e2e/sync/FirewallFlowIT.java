package dev.proxmoxmpc.e2e.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proxmoxmpc.e2e.Product;
import dev.proxmoxmpc.plugin.simulator.SimulatorOptions;
import dev.proxmoxmpc.plugin.simulator.SimulatorServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The firewall as code on the demo (issue 25): /sync writes terraform/firewall.tf and the plan is empty; a hand edit
 * of a rule's port is read by /sync, planned as exactly that change, applied on the server, and the next plan is
 * empty; a rule changed on the server is reported as drift.
 */
class FirewallFlowIT {

    @Test
    void aHandEditedRuleIsPlannedAppliedAndServerChangesAreDrift(@TempDir Path tmp) throws Exception {
        try (SimulatorServer sim = SimulatorServer.start(SimulatorOptions.builder().scenario("demo").port(0).build())) {
            SimulatorApi api = new SimulatorApi(sim);
            SyncProject p = SyncProject.init(tmp, sim);
            p.ok("sync");
            Path tf = p.dir.resolve("terraform/firewall.tf");
            String hcl = Files.readString(tf);
            assertThat(hcl).contains("resource \"proxmox_virtual_environment_cluster_firewall\" \"cluster\"",
                    "resource \"proxmox_virtual_environment_firewall_rules\" \"cluster_rules\"",
                    "resource \"proxmox_virtual_environment_cluster_firewall_security_group\" \"webservers\"",
                    "resource \"proxmox_virtual_environment_firewall_alias\" \"cluster_mgmt_net\"",
                    "resource \"proxmox_virtual_environment_firewall_ipset\" \"cluster_dns_servers\"",
                    "resource \"proxmox_virtual_environment_firewall_options\" \"vm_100\"",
                    "resource \"proxmox_virtual_environment_firewall_rules\" \"ct_202_rules\"", "security_group = \"webservers\"");
            assertThat(Files.readString(p.dir.resolve("terraform/imports.tf"))).contains("id = \"vm/pve1/100\"", "id = \"cluster/dns-servers\"");
            Product.Run empty = p.run("--detailed-exitcode", "plan");
            assertThat(empty.exitCode()).as(empty.all()).isZero();

            assertThat(hcl).containsOnlyOnce("dport   = \"8006\"");
            Files.writeString(tf, hcl.replace("dport   = \"8006\"", "dport   = \"8443\""));
            Product.Run sync = p.ok("sync");
            assertThat(sync.all()).contains("Imported hand edits: terraform: terraform/firewall.tf", "Pending changes: 1");
            Product.Run plan = p.run("--detailed-exitcode", "plan");
            assertThat(plan.exitCode()).as(plan.all()).isEqualTo(3);
            assertThat(plan.stdout()).contains("firewall-rules", "rule.1.dport", "8006", "8443").doesNotContain("rule.0.", "rule.2.");
            Product.Run apply = p.ok("apply", "--yes");
            assertThat(apply.all()).contains("firewall-rules");
            assertThat(api.get("/cluster/firewall/rules/1").path("dport").asText()).isEqualTo("8443");
            assertThat(api.get("/cluster/firewall/rules").size()).isEqualTo(4);
            Product.Run after = p.run("--detailed-exitcode", "plan");
            assertThat(after.exitCode()).as(after.all()).isZero();

            api.send("PUT", "/cluster/firewall/rules/2", Map.of("dport", "9101"));
            Product.Run drift = p.ok("sync");
            assertThat(drift.all()).contains("Drift: 1 resource changed on the server", "firewall-rules: rule.2.dport 9100 -> 9101");
            assertThat(Files.readString(tf)).contains("dport   = \"9101\"");
            Product.Run synced = p.run("--detailed-exitcode", "plan");
            assertThat(synced.exitCode()).as(synced.all()).isZero();
        }
    }
}
