package dev.proxmoxmpc.plugin.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proxmoxmpc.spi.diag.Diagnostic;
import dev.proxmoxmpc.spi.diag.Severity;
import dev.proxmoxmpc.spi.iac.ImportResult;
import dev.proxmoxmpc.spi.model.ConfigValues;
import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.Inventory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TerraformImporterTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"fixtures/demo.json", "fixtures/tricky.json", "fixtures/small.json"})
    void generateImportGenerateGivesIdenticalFilesAndDesiredState(String fixture) throws IOException {
        Inventory inventory = Inventories.load(fixture);
        var first = Generation.generate(inventory);
        Generation.write(first, dir);

        ImportResult imported = Importing.read(dir, inventory);

        assertThat(imported.diagnostics()).allMatch(d -> d.severity() == Severity.INFO);
        assertThat(imported.desired()).isEqualTo(inventory);
        assertThat(Generation.byPath(Generation.generate(imported.desired()))).isEqualTo(Generation.byPath(first));
    }

    @ParameterizedTest
    @ValueSource(strings = {"fixtures/demo.json", "fixtures/tricky.json"})
    void rebuildsEveryExpressedSettingFromTheFilesAlone(String fixture) throws IOException {
        Inventory inventory = Inventories.load(fixture);
        Map<String, String> first = Generation.byPath(Generation.generate(inventory));
        Generation.write(Generation.generate(inventory), dir);
        Inventory noGuests = inventory.withGuests(java.util.List.of());

        ImportResult imported = Importing.read(dir, noGuests);

        assertThat(imported.desired().guests()).hasSameSizeAs(inventory.guests());
        Map<String, String> second = Generation.byPath(Generation.generate(imported.desired()));
        first.forEach((path, content) -> {
            if ((path.contains("/vms/") || path.contains("/containers/")) && !content.contains("# NOTE:")) {
                assertThat(second.get(path)).as(path).isEqualTo(content);
            }
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"fixtures/demo.json", "fixtures/tricky.json"})
    void guestsReadFromTheFilesAloneKeepTheirNicModelBridgeAndDisksInTheServersMeaning(String fixture) throws IOException {
        Inventory inventory = Inventories.load(fixture);
        Generation.write(Generation.generate(inventory), dir);

        ImportResult imported = Importing.read(dir, inventory.withGuests(java.util.List.of()));

        java.util.regex.Pattern devices = java.util.regex.Pattern.compile("net\\d+|scsi\\d+|virtio\\d+|sata\\d+|efidisk0|tpmstate0|rootfs");
        for (Guest was : inventory.guests()) {
            Guest now = imported.desired().guest(was.vmid()).orElseThrow();
            was.config().forEach((key, value) -> {
                if (devices.matcher(key).matches() && !value.contains("media=cdrom")) {
                    assertThat(ConfigValues.equivalent(key, value, now.value(key)))
                            .as(was.vmid() + " " + key + ": server " + value + ", imported " + now.value(key)).isTrue();
                }
            });
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"fixtures/demo.json", "fixtures/tricky.json"})
    void bridgesVlansAndPoolsReadFromTheFilesAloneGenerateTheSameFiles(String fixture) throws IOException {
        Inventory inventory = Inventories.load(fixture);
        Map<String, String> first = Generation.byPath(Generation.generate(inventory));
        Generation.write(Generation.generate(inventory), dir);
        Inventory bare = new Inventory(inventory.cluster(), inventory.nodes(), inventory.guests(), inventory.storages(),
                java.util.List.of(), java.util.List.of());

        ImportResult imported = Importing.read(dir, bare);

        assertThat(imported.diagnostics()).allMatch(d -> d.severity() == Severity.INFO);
        assertThat(imported.desired().pools()).containsExactlyInAnyOrderElementsOf(inventory.pools());
        assertThat(imported.desired().networks()).hasSize((int) inventory.networks().stream()
                .filter(n -> n.bridge() || n.vlan()).count());
        Map<String, String> second = Generation.byPath(Generation.generate(imported.desired()));
        assertThat(second.get("terraform/networks.tf")).isEqualTo(first.get("terraform/networks.tf"));
        assertThat(second.get("terraform/pools.tf")).isEqualTo(first.get("terraform/pools.tf"));
    }

    @Test
    void aBridgeOrPoolEditIsReadAndWhatCannotBeMappedIsNamedByFileAndLine() throws IOException {
        Inventory demo = Inventories.load("fixtures/demo.json");
        Generation.write(Generation.generate(demo), dir);
        write("terraform/extra.tf", """
                resource "proxmox_virtual_environment_network_linux_bridge" "new" {
                  node_name  = "pve2"
                  name       = "vmbr7"
                  ports      = ["eno3"]
                  vlan_aware = true
                  stp        = true
                }
                resource "proxmox_virtual_environment_pool" "staging" {
                  pool_id = "staging"
                  comment = "Staging"
                }
                """);

        ImportResult r = Importing.read(dir, demo);

        assertThat(r.desired().networks()).anySatisfy(n -> {
            assertThat(n.node() + "/" + n.iface()).isEqualTo("pve2/vmbr7");
            assertThat(n.config()).containsEntry("bridge_ports", "eno3").containsEntry("bridge_vlan_aware", "1");
        });
        assertThat(r.desired().pools()).anySatisfy(p -> assertThat(p.id() + " " + p.comment()).isEqualTo("staging Staging"));
        assertThat(r.diagnostics()).anySatisfy(d -> {
            assertThat(d.severity()).isEqualTo(Severity.WARNING);
            assertThat(d.source()).isEqualTo("terraform/extra.tf:6");
            assertThat(d.summary()).contains("stp is not mapped");
        });
    }

    @Test
    void readsAHandEditOfCoresAndChangesNothingElse() throws IOException {
        Inventory demo = Inventories.load("fixtures/demo.json");
        Generation.write(Generation.generate(demo), dir);
        Path web = dir.resolve("terraform/vms/web_01.tf");
        String text = Files.readString(web);
        assertThat(text).contains("    cores   = 2\n");
        Files.writeString(web, text.replace("    cores   = 2\n", "    cores   = 4\n"));

        ImportResult r = Importing.read(dir, demo);

        Guest before = demo.guest(101).orElseThrow();
        Guest after = r.desired().guest(101).orElseThrow();
        Map<String, String> expected = new TreeMap<>(before.config());
        expected.put("cores", "4");
        assertThat(after.config()).isEqualTo(expected);
        assertThat(r.desired().withGuest(before)).isEqualTo(demo);
    }

    @Test
    void readsNewGuestsVariablesAndLocals() throws IOException {
        write("terraform/vms/extra.tf", """
                variable "size" {
                  default = 40
                }
                locals {
                  env  = "lab"
                  tags = ["a", local.env]
                }
                resource "proxmox_virtual_environment_vm" "extra" {
                  name      = "extra-${local.env}"
                  node_name = "pve1"
                  vm_id     = 777
                  tags      = local.tags
                  cpu {
                    cores = 3
                  }
                  disk {
                    interface    = "scsi0"
                    datastore_id = "local-lvm"
                    size         = var.size
                  }
                }
                """);
        ImportResult r = Importing.read(dir, Inventory.empty());
        Guest g = r.desired().guest(777).orElseThrow();
        assertThat(g.name()).isEqualTo("extra-lab");
        assertThat(g.value("tags")).isEqualTo("a;lab");
        assertThat(g.value("cores")).isEqualTo("3");
        assertThat(g.disks().get(0).sizeGiB()).isEqualTo(40);
        assertThat(r.diagnostics()).isEmpty();
    }

    @Test
    void warnsWithFileAndLineForConstructsItCannotMap() throws IOException {
        Inventory demo = Inventories.load("fixtures/demo.json");
        write("terraform/more.tf", """
                resource "proxmox_virtual_environment_vm" "many" {
                  for_each  = toset(["a", "b"])
                  node_name = "pve1"
                }

                module "cluster" {
                  source = "./modules/cluster"
                }

                resource "proxmox_virtual_environment_vm" "counted" {
                  count     = 2
                  node_name = "pve1"
                }

                resource "proxmox_virtual_environment_vm" "web" {
                  node_name   = "pve1"
                  vm_id       = 101
                  name        = upper("web")
                  description = var.nowhere
                  hostpci {
                    device = "hostpci0"
                  }
                  dynamic_thing = 1
                }
                """);
        ImportResult r = Importing.read(dir, demo);
        assertThat(r.diagnostics()).extracting(Diagnostic::source)
                .contains("terraform/more.tf:2", "terraform/more.tf:6", "terraform/more.tf:11", "terraform/more.tf:18",
                        "terraform/more.tf:19", "terraform/more.tf:20", "terraform/more.tf:23");
        assertThat(r.diagnostics()).allMatch(d -> d.severity() == Severity.WARNING);
        assertThat(r.diagnostics()).filteredOn(d -> d.source().endsWith(":2")).first().extracting(Diagnostic::summary)
                .asString().contains("for_each");
        assertThat(r.diagnostics()).filteredOn(d -> d.source().endsWith(":6")).first().extracting(Diagnostic::summary)
                .asString().contains("module");
        // What could not be evaluated keeps its current value.
        assertThat(r.desired().guest(101).orElseThrow().name()).isEqualTo("web-01");
    }

    @Test
    void rejectsBrokenHclWithFileAndLineAndChangesNothing() throws IOException {
        Inventory demo = Inventories.load("fixtures/demo.json");
        Generation.write(Generation.generate(demo), dir);
        write("terraform/vms/web_01.tf", "resource \"proxmox_virtual_environment_vm\" \"web_01\" {\n  vm_id = 101\n  cpu {\n    cores = 8\n");

        ImportResult r = Importing.read(dir, demo);

        assertThat(r.desired()).isEqualTo(demo);
        assertThat(r.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.severity()).isEqualTo(Severity.ERROR);
            assertThat(d.source()).isEqualTo("terraform/vms/web_01.tf:5");
        });
    }

    @Test
    void convertsStringsToTheAttributeTypeLikeTerraform() throws IOException {
        Inventory demo = Inventories.load("fixtures/demo.json");
        Generation.write(Generation.generate(demo), dir);
        Path web = dir.resolve("terraform/vms/web_01.tf");
        Files.writeString(web, Files.readString(web).replace("    cores   = 2\n", "    cores   = \"4\"\n")
                .replace("  on_boot       = true\n", "  on_boot       = \"false\"\n"));

        Guest after = Importing.read(dir, demo).desired().guest(101).orElseThrow();

        assertThat(after.value("cores")).isEqualTo("4");
        assertThat(after.value("onboot")).isEqualTo("0");
    }

    @Test
    void keepsTheDisksWhenADiskInterfaceCannotBeEvaluated() throws IOException {
        Inventory demo = Inventories.load("fixtures/demo.json");
        Generation.write(Generation.generate(demo), dir);
        Path db = dir.resolve("terraform/vms/db_01.tf");
        Files.writeString(db, Files.readString(db).replace("interface    = \"scsi1\"", "interface    = lower(\"SCSI1\")"));

        ImportResult r = Importing.read(dir, demo);

        assertThat(r.desired().guest(104).orElseThrow().disks()).isEqualTo(demo.guest(104).orElseThrow().disks());
        assertThat(r.diagnostics()).extracting(Diagnostic::summary).anyMatch(m -> m.contains("function call lower()"));
    }

    @Test
    void addsADiskBlockAndRemovesADroppedNetworkDevice() throws IOException {
        Inventory demo = Inventories.load("fixtures/demo.json");
        Generation.write(Generation.generate(demo), dir);
        Path db = dir.resolve("terraform/vms/db_01.tf");
        String text = Files.readString(db);
        int second = text.indexOf("  network_device {", text.indexOf("  network_device {") + 1);
        String edited = text.substring(0, second) + text.substring(text.indexOf("  }\n", second) + 4);
        edited = edited.replace("  network_device {", "  disk {\n    datastore_id = \"local-lvm\"\n    interface    = \"virtio5\"\n"
                + "    size         = 20\n  }\n\n  network_device {");
        Files.writeString(db, edited);

        ImportResult r = Importing.read(dir, demo);

        Guest after = r.desired().guest(104).orElseThrow();
        assertThat(after.value("virtio5")).isEqualTo("local-lvm:20,size=20G");
        assertThat(after.value("net1")).isEmpty();
        assertThat(after.value("net0")).isEqualTo(demo.guest(104).orElseThrow().value("net0"));
        assertThat(r.diagnostics()).allMatch(d -> d.severity() == Severity.INFO);
    }

    @Test
    void handlesTerraformFilesOnly() {
        TerraformImporter importer = new TerraformImporter();
        assertThat(importer.handles("terraform/vms/web.tf")).isTrue();
        assertThat(importer.handles("terraform/main.tf")).isTrue();
        assertThat(importer.handles("terraform/environments/default.tfvars")).isFalse();
        assertThat(importer.handles("terraform/.terraform/modules/x.tf")).isFalse();
        assertThat(importer.handles("ansible/site.yml")).isFalse();
    }

    private void write(String path, String content) throws IOException {
        Path p = dir.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content, StandardCharsets.UTF_8);
    }

    @Test
    void aBackupJobEditIsReadAsExactlyThatChangeAndARemovedBlockDeletesTheJob() throws IOException {
        Inventory small = Inventories.load("fixtures/small.json");
        Generation.write(Generation.generate(small), dir);
        Path jobs = dir.resolve("terraform/backup_jobs.tf");
        String text = Files.readString(jobs);
        assertThat(text).contains("  schedule         = \"02:30\"\n");
        Files.writeString(jobs, text.replace("  schedule         = \"02:30\"\n", "  schedule         = \"sun 04:00\"\n"));

        ImportResult r = Importing.read(dir, small);

        assertThat(r.diagnostics()).allMatch(d -> d.severity() == Severity.INFO);
        var before = small.object("backup-job", "", "backup-nightly").orElseThrow();
        Map<String, String> expected = new TreeMap<>(before.config());
        expected.put("schedule", "sun 04:00");
        assertThat(r.desired().object("backup-job", "", "backup-nightly").orElseThrow().config()).isEqualTo(expected);
        assertThat(r.desired().withObject(before)).isEqualTo(small);

        Files.writeString(jobs, "# no jobs any more\n");
        assertThat(Importing.read(dir, small).desired().objects("backup-job")).isEmpty();
    }
}
