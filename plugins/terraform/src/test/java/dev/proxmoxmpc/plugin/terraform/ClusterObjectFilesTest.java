package dev.proxmoxmpc.plugin.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proxmoxmpc.spi.iac.ImportResult;
import dev.proxmoxmpc.spi.model.ClusterObject;
import dev.proxmoxmpc.spi.model.Inventory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HA groups, resources and rules ({@code ha.tf}) and replication jobs ({@code replication.tf}) both ways. */
class ClusterObjectFilesTest {
    @TempDir
    Path dir;

    private final Inventory demo = Inventories.load("fixtures/demo.json");

    @Test
    void writesHaAndReplicationAsTheProviderReadsThem() {
        Map<String, String> files = Generation.byPath(Generation.generate(demo));
        String ha = files.get("terraform/ha.tf");
        assertThat(ha).contains("""
                resource "proxmox_hagroup" "prefer_pve1" {
                  group = "prefer-pve1"
                  nodes = {
                    pve1 = 2
                    pve2 = null
                  }
                  comment     = "PVE 8 group"
                  no_failback = false
                  restricted  = true
                }
                """).contains("""
                resource "proxmox_haresource" "vm_101" {
                  resource_id = "vm:101"
                  state       = "started"
                  comment     = "Second web server, kept running by the HA manager"
                }
                """).contains("""
                resource "proxmox_harule" "web_proxy_apart" {
                  rule      = "web-proxy-apart"
                  type      = "resource-affinity"
                  resources = ["ct:202", "vm:101"]
                  affinity  = "negative"
                  disable   = true
                }
                """);
        assertThat(ha.indexOf("proxmox_hagroup")).isLessThan(ha.indexOf("proxmox_haresource"));
        assertThat(ha.indexOf("proxmox_haresource")).isLessThan(ha.indexOf("proxmox_harule"));
        assertThat(files.get("terraform/replication.tf")).contains("""
                resource "proxmox_replication" "job_101_0" {
                  id       = "101-0"
                  type     = "local"
                  target   = "pve3"
                  schedule = "*/30"
                  rate     = 12.5
                  comment  = "to pve3"
                }
                """);
        assertThat(files.get("terraform/imports.tf")).contains("to = proxmox_haresource.vm_101\n  id = \"vm:101\"")
                .contains("to = proxmox_harule.proxy_on_pve3\n  id = \"proxy-on-pve3\"")
                .contains("to = proxmox_hagroup.prefer_pve1\n  id = \"prefer-pve1\"")
                .contains("to = proxmox_replication.job_101_0\n  id = \"101-0\"");
    }

    @Test
    void theFilesAloneGiveBackTheSameObjects() throws IOException {
        Generation.write(Generation.generate(demo), dir);
        ImportResult r = Importing.read(dir, demo.withObjects(List.of()));
        assertThat(r.desired().objects().stream().filter(o -> !o.kind().equals("backup-job")).toList())
                .as("backup jobs keep their comment in state only").containsExactlyInAnyOrderElementsOf(
                        demo.objects().stream().filter(o -> !o.kind().equals("backup-job")).toList());
    }

    @Test
    void aHandEditOfAnHaRuleIsReadAsExactlyThatChange() throws IOException {
        Generation.write(Generation.generate(demo), dir);
        Path ha = dir.resolve("terraform/ha.tf");
        String text = Files.readString(ha);
        String rule = """
                  nodes = {
                    pve2 = 1
                    pve3 = 2
                  }
                  strict  = false
                """;
        assertThat(text).contains(rule);
        Files.writeString(ha, text.replace(rule, rule.replace("pve2 = 1", "pve1 = null").replace("strict  = false", "strict  = true")));

        ImportResult r = Importing.read(dir, demo);

        ClusterObject before = demo.object("ha-rule", "", "proxy-on-pve3").orElseThrow();
        Map<String, String> expected = new TreeMap<>(before.config());
        expected.put("nodes", "pve1,pve3:2");
        expected.put("strict", "1");
        assertThat(r.desired().object("ha-rule", "", "proxy-on-pve3").orElseThrow().config()).isEqualTo(expected);
        assertThat(r.desired().objects().stream().filter(o -> !o.id().equals("proxy-on-pve3")).toList())
                .containsExactlyInAnyOrderElementsOf(demo.objects().stream().filter(o -> !o.id().equals("proxy-on-pve3")).toList());
    }

    @Test
    void aRemovedBlockIsADeletedObjectAndAnAddedOneANewObject() throws IOException {
        Generation.write(Generation.generate(demo), dir);
        Path rep = dir.resolve("terraform/replication.tf");
        String text = Files.readString(rep);
        Files.writeString(rep, text.substring(0, text.indexOf("resource \"proxmox_replication\"")) + """
                resource "proxmox_virtual_environment_replication" "web" {
                  id     = "100-1"
                  type   = "local"
                  target = "pve2"
                }
                """);

        ImportResult r = Importing.read(dir, demo);

        assertThat(r.desired().object("replication", "", "101-0")).isEmpty();
        assertThat(r.desired().object("replication", "", "100-1").orElseThrow().config()).isEqualTo(Map.of("target", "pve2"));
    }
}
