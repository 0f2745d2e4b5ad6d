package dev.proxmoxmpc.plugin.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proxmoxmpc.spi.iac.ImportResult;
import dev.proxmoxmpc.spi.model.ClusterObject;
import dev.proxmoxmpc.spi.model.Inventory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SDN zones, vnets and subnets in terraform/sdn.tf: generated, checked by HashiCorp's tools, read back. */
class SdnTerraformTest {
    static final List<ClusterObject> SDN = List.of(
            new ClusterObject("sdn-zone", "", "lab", Map.of("type", "simple", "ipam", "pve")),
            new ClusterObject("sdn-zone", "", "tenants", Map.of("type", "vlan", "bridge", "vmbr1", "mtu", "1500")),
            new ClusterObject("sdn-zone", "", "ovl", Map.of("type", "vxlan", "peers", "10.0.0.11,10.0.0.12", "nodes", "pve1,pve2")),
            new ClusterObject("sdn-zone", "", "ev", Map.of("type", "evpn", "controller", "ctl", "vrf-vxlan", "10000",
                    "exitnodes", "pve1", "advertise-subnets", "1", "mac", "BC:24:11:00:00:01")),
            new ClusterObject("sdn-zone", "", "qq", Map.of("type", "qinq", "bridge", "vmbr1", "tag", "20")),
            new ClusterObject("sdn-vnet", "", "dmz", Map.of("zone", "tenants", "tag", "100", "alias", "DMZ servers")),
            new ClusterObject("sdn-vnet", "", "labnet", Map.of("zone", "lab", "vlanaware", "1")),
            new ClusterObject("sdn-subnet", "", "lab-10.20.0.0-24", Map.of("vnet", "labnet", "gateway", "10.20.0.1", "snat", "1",
                    "dhcp-range.0", "start-address=10.20.0.100,end-address=10.20.0.200")));

    @TempDir
    Path dir;

    private Inventory inventory() {
        Inventory demo = Inventories.load("fixtures/demo.json");
        return demo.withObjects(SDN);
    }

    private String sdnTf() {
        return Generation.byPath(Generation.generate(inventory())).get("terraform/sdn.tf");
    }

    @Test
    void writesEachZoneTypeVnetAndSubnetWithImportsAndOneApplier() throws Exception {
        String tf = sdnTf();
        assertThat(tf).contains("resource \"proxmox_sdn_zone_simple\" \"lab\" {\n  id   = \"lab\"\n  ipam = \"pve\"\n}")
                .contains("resource \"proxmox_sdn_zone_vlan\" \"tenants\"").contains("bridge = \"vmbr1\"")
                .contains("peers = [\"10.0.0.11\", \"10.0.0.12\"]").contains("resource \"proxmox_sdn_zone_evpn\" \"ev\"")
                .contains("vrf_vxlan ").contains("# NOTE: SDN zone ev: mac not in the provider's schema")
                .contains("# NOTE: SDN zone qq (type qinq) has no resource in the provider; kept in proxmox-mpc's state")
                .contains("resource \"proxmox_sdn_vnet\" \"dmz\"").contains("vlan_aware = true")
                .contains("resource \"proxmox_sdn_subnet\" \"lab_10_20_0_0_24\"").contains("cidr ").contains("\"10.20.0.0/24\"")
                .contains("start_address = \"10.20.0.100\"")
                .contains("resource \"proxmox_sdn_applier\" \"sdn\"").contains("replace_triggered_by = [proxmox_sdn_zone_evpn.ev, proxmox_sdn_zone_simple.lab,");
        String imports = Generation.byPath(Generation.generate(inventory())).get("terraform/imports.tf");
        assertThat(imports).contains("to = proxmox_sdn_subnet.lab_10_20_0_0_24\n  id = \"labnet/lab-10.20.0.0-24\"")
                .contains("to = proxmox_sdn_vnet.dmz\n  id = \"dmz\"").doesNotContain("proxmox_sdn_applier");
    }

    @Test
    void theFileParsesWithHashiCorpsParserAndFitsTheBpgSchema() throws Exception {
        List<Path> files = Generation.write(Generation.generate(inventory()), dir);
        Path sdn = dir.resolve("terraform/sdn.tf");
        assertThat(files).contains(sdn);
        assertThat(HashiCorpHcl.parse(List.of(sdn))).allSatisfy(r -> assertThat(r.path("ok").asBoolean()).as(r.toString()).isTrue());
        HashiCorpHcl.Run run = HashiCorpHcl.checkSchema(List.of(sdn));
        assertThat(run.exit()).as(run.out()).isZero();
        assertThat(run.out()).contains("schema check passed");
    }

    @Test
    void theFileIsTerraformFmtCanonical() throws Exception {
        Assumptions.assumeTrue(runs("terraform", "version"), "terraform is not on the PATH: skipping terraform fmt -check");
        Generation.write(Generation.generate(inventory()), dir);
        Path rc = Files.writeString(dir.resolve("terraformrc"), "");
        ProcessBuilder pb = new ProcessBuilder("terraform", "fmt", "-check", "-diff", "-no-color", dir.resolve("terraform/sdn.tf").toString())
                .redirectErrorStream(true);
        pb.environment().put("TF_CLI_CONFIG_FILE", rc.toString());
        pb.environment().put("CHECKPOINT_DISABLE", "1");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("terraform fmt -check rewrites sdn.tf:%n%s", out).isZero();
    }

    private static boolean runs(String... cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Test
    void readingTheGeneratedFileGivesTheSameObjectsAndAHandEditIsExactlyThatChange() throws Exception {
        Inventory inv = inventory();
        Generation.write(Generation.generate(inv), dir);
        ImportResult same = Importing.read(dir, inv);
        assertThat(same.desired().objects()).containsExactlyInAnyOrderElementsOf(inv.objects());

        Path sdn = dir.resolve("terraform/sdn.tf");
        Files.writeString(sdn, Files.readString(sdn).replace("alias = \"DMZ servers\"", "alias = \"DMZ hosts\"")
                .replace("gateway = \"10.20.0.1\"", "gateway = \"10.20.0.254\"")
                .replace("proxmox_sdn_vnet\" \"labnet", "proxmox_virtual_environment_sdn_vnet\" \"labnet"));
        Inventory edited = Importing.read(dir, inv).desired();
        assertThat(edited.object("sdn-vnet", "", "dmz").orElseThrow().config()).isEqualTo(Map.of("zone", "tenants", "tag", "100",
                "alias", "DMZ hosts"));
        assertThat(edited.object("sdn-subnet", "", "lab-10.20.0.0-24").orElseThrow().value("gateway")).isEqualTo("10.20.0.254");
        assertThat(edited.object("sdn-vnet", "", "labnet")).as("the long name reads back").isPresent();
        assertThat(edited.object("sdn-zone", "", "qq")).as("kept in state").isPresent();
        assertThat(edited.objects().stream().filter(o -> o.kind().startsWith("sdn-")).count()).isEqualTo(SDN.size());

        String text = Files.readString(sdn);
        int start = text.indexOf("resource \"proxmox_sdn_zone_vxlan\"");
        Files.writeString(sdn, text.substring(0, start) + text.substring(text.indexOf("}\n", start) + 2));
        assertThat(Importing.read(dir, inv).desired().object("sdn-zone", "", "ovl")).as("a removed block is a delete").isEmpty();
    }
}
