package dev.proxmoxmpc.e2e.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proxmoxmpc.e2e.Product;
import dev.proxmoxmpc.plugin.simulator.SimulatorOptions;
import dev.proxmoxmpc.plugin.simulator.SimulatorServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SDN end to end on the demo: /sync writes terraform/sdn.tf and plans nothing; hand edits in it (a changed vnet, a new
 * zone with vnet and subnet, then their removal) are planned and applied, each applied on the server (running
 * config) by PUT /cluster/sdn, and the next plan is empty.
 */
class SdnIT {

    @Test
    void demoSdnIsCodeAndHandEditsAreAppliedThroughThePendingStep(@TempDir Path tmp) throws Exception {
        try (SimulatorServer sim = SimulatorServer.start(SimulatorOptions.builder().scenario("demo").port(0).build())) {
            SimulatorApi api = new SimulatorApi(sim);
            SyncProject p = SyncProject.init(tmp, sim);
            p.ok("sync");
            Path tf = p.dir.resolve("terraform/sdn.tf");
            String hcl = Files.readString(tf);
            assertThat(hcl).contains("resource \"proxmox_sdn_zone_simple\" \"lab\"", "resource \"proxmox_sdn_zone_vlan\" \"tenants\"",
                    "resource \"proxmox_sdn_vnet\" \"dmz\"", "resource \"proxmox_sdn_subnet\"", "resource \"proxmox_sdn_applier\"");
            assertThat(Files.readString(p.dir.resolve("terraform/imports.tf"))).contains("id = \"labnet/lab-10.20.0.0-24\"");
            assertThat(p.run("--detailed-exitcode", "plan").exitCode()).as("nothing to do after /sync").isZero();

            Files.writeString(tf, hcl.replace("alias = \"DMZ servers\"", "alias = \"DMZ hosts\"") + """

                    resource "proxmox_sdn_zone_vxlan" "ovl" {
                      id    = "ovl"
                      peers = ["10.0.0.11", "10.0.0.12", "10.0.0.13"]
                    }

                    resource "proxmox_sdn_vnet" "ovlnet" {
                      id   = "ovlnet"
                      zone = "ovl"
                      tag  = 5000
                    }
                    """);
            p.ok("sync");
            Product.Run plan = p.run("--detailed-exitcode", "plan");
            assertThat(plan.exitCode()).as(plan.all()).isEqualTo(3);
            assertThat(plan.stdout()).contains("sdn-vnet/dmz", "sdn-zone/ovl", "sdn-vnet/ovlnet");
            assertThat(running("vnets/dmz", api).path("alias").asText()).isEqualTo("DMZ servers");
            p.ok("apply", "--yes");
            assertThat(running("vnets/dmz", api).path("alias").asText()).as("applied, not only staged").isEqualTo("DMZ hosts");
            assertThat(running("vnets/ovlnet", api).path("tag").asInt()).isEqualTo(5000);
            assertThat(api.get("/cluster/sdn/vnets?pending=1").findValuesAsText("state")).isEmpty();
            assertThat(p.run("--detailed-exitcode", "plan").exitCode()).isZero();

            Files.writeString(tf, Files.readString(tf) + """

                    resource "proxmox_sdn_subnet" "ovl_subnet" {
                      cidr    = "10.40.0.0/24"
                      vnet    = "ovlnet"
                      gateway = "10.40.0.1"
                    }
                    """);
            p.ok("sync");
            p.ok("apply", "--yes");
            assertThat(api.get("/cluster/sdn/vnets/ovlnet/subnets?running=1").findValuesAsText("subnet")).containsExactly("ovl-10.40.0.0-24");
            assertThat(p.run("--detailed-exitcode", "plan").exitCode()).isZero();

            String now = Files.readString(tf);
            for (String block : new String[] {"proxmox_sdn_zone_vxlan\" \"ovl\"", "proxmox_sdn_vnet\" \"ovlnet\"",
                    "proxmox_sdn_subnet\" \"ovl_10_40_0_0_24\""}) {
                now = without(now, "resource \"" + block);
            }
            Files.writeString(tf, now);
            p.ok("sync");
            p.ok("apply", "--yes");
            assertThat(api.get("/cluster/sdn/zones?running=1").findValuesAsText("zone")).containsExactly("lab", "tenants");
            assertThat(api.get("/cluster/sdn/vnets?running=1").findValuesAsText("vnet")).containsExactly("dmz", "labnet");
            assertThat(p.run("--detailed-exitcode", "plan").exitCode()).isZero();
        }
    }

    /** @return the text without the block that starts with {@code header} */
    private static String without(String text, String header) {
        int start = text.indexOf(header);
        assertThat(start).as(header + " in\n" + text).isNotNegative();
        return text.substring(0, start) + text.substring(text.indexOf("\n}\n", start) + 3);
    }

    private static JsonNode running(String path, SimulatorApi api) throws Exception {
        return api.get("/cluster/sdn/" + path + "?running=1");
    }
}
