package dev.proxmoxmpc.plugin.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proxmoxmpc.spi.diag.Diagnostic;
import dev.proxmoxmpc.spi.diag.Severity;
import dev.proxmoxmpc.spi.iac.GenerationResult;
import dev.proxmoxmpc.spi.model.GuestRuntime;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.model.Network;
import dev.proxmoxmpc.spi.model.PowerState;
import dev.proxmoxmpc.spi.model.Storage;
import dev.proxmoxmpc.spi.model.VirtualMachine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class TerraformGeneratorTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden/small");

    @Test
    void matchesGoldenFilesByteForByte() throws IOException {
        Map<String, String> files = Generation.byPath(Generation.generate(Inventories.load("fixtures/small.json")));
        if (Boolean.getBoolean("golden.update")) {
            if (Files.isDirectory(GOLDEN)) {
                try (Stream<Path> s = Files.walk(GOLDEN)) {
                    s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
            for (Map.Entry<String, String> e : files.entrySet()) {
                Path p = GOLDEN.resolve(e.getKey());
                Files.createDirectories(p.getParent());
                Files.writeString(p, e.getValue(), StandardCharsets.UTF_8);
            }
        }
        try (Stream<Path> s = Files.walk(GOLDEN)) {
            List<String> golden = s.filter(Files::isRegularFile).map(p -> GOLDEN.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
            assertThat(files.keySet()).containsExactlyElementsOf(golden);
        }
        for (Map.Entry<String, String> e : files.entrySet()) {
            assertThat(e.getValue()).as(e.getKey() + " (regenerate with -Dgolden.update=true after a deliberate change)")
                    .isEqualTo(Files.readString(GOLDEN.resolve(e.getKey()), StandardCharsets.UTF_8));
        }
    }

    @Test
    void regeneratingTheSameInventoryIsByteIdentical() {
        Inventory demo = Inventories.load("fixtures/demo.json");
        assertThat(Generation.byPath(Generation.generate(demo))).isEqualTo(Generation.byPath(Generation.generate(demo)));
    }

    @Test
    void writesTheFilesTheProjectLayoutPromises() {
        Map<String, String> files = Generation.byPath(Generation.generate(Inventories.load("fixtures/demo.json")));
        assertThat(files).containsKeys("terraform/main.tf", "terraform/variables.tf", "terraform/outputs.tf",
                "terraform/nodes.tf", "terraform/imports.tf", "terraform/networks.tf", "terraform/pools.tf",
                "terraform/environments/default.tfvars", "terraform/vms/web_01.tf", "terraform/containers/dns_1.tf");
        assertThat(files.keySet().stream().filter(p -> p.startsWith("terraform/vms/"))).hasSize(14);
        assertThat(files.keySet().stream().filter(p -> p.startsWith("terraform/containers/"))).hasSize(5);
    }

    @Test
    void importsEveryGuestNetworkAndPoolWithTheProviderIdFormat() {
        String imports = Generation.byPath(Generation.generate(Inventories.load("fixtures/small.json"))).get("terraform/imports.tf");
        assertThat(imports).contains("to = proxmox_virtual_environment_vm.web_01\n  id = \"pve1/101\"")
                .contains("to = proxmox_virtual_environment_container.dns_1\n  id = \"pve2/200\"")
                .contains("to = proxmox_network_linux_bridge.pve1_vmbr0\n  id = \"pve1:vmbr0\"")
                .contains("to = proxmox_network_linux_vlan.pve1_vmbr0_20\n  id = \"pve1:vmbr0.20\"")
                .contains("to = proxmox_network_linux_bond.pve1_bond0\n  id = \"pve1:bond0\"")
                .contains("to = proxmox_storage_nfs.nas\n  id = \"nas\"")
                .contains("to = proxmox_storage_lvmthin.local_lvm\n  id = \"local-lvm\"")
                .contains("to = proxmox_virtual_environment_pool.prod\n  id = \"prod\"")
                .doesNotContain("proxmox_virtual_environment_network").doesNotContain("ceph");
    }

    @Test
    void aNetworkCommentIsWrittenAsTheProviderReadsItTrimmed() {
        Network lan = new Network("pve1", "vmbr1", "bridge", Map.of("comments", "LAN uplink\n", "autostart", "1"));
        Network blank = new Network("pve1", "vmbr2", "bridge", Map.of("comments", "\n", "autostart", "1"));
        Inventory inv = new Inventory("lab", List.of(), List.of(), List.of(), List.of(lan, blank), List.of());
        String networks = Generation.byPath(Generation.generate(inv)).get("terraform/networks.tf");
        assertThat(networks).contains("comment   = \"LAN uplink\"\n").doesNotContain("\\n\"");
        assertThat(networks.substring(networks.indexOf("pve1_vmbr2"))).doesNotContain("comment");
    }

    @Test
    void storageSecretsAreNeverWrittenButSensitiveVariablesWithoutDefault() {
        Storage smb = new Storage("smb", "cifs", Map.of("server", "nas", "share", "iso", "username", "pve",
                "password", "s3cret-pw", "content", "iso"));
        Storage pbs = new Storage("pbs", "pbs", Map.of("server", "pbs", "datastore", "d", "username", "u@pbs",
                "password", "s3cret-pbs", "encryption-key", "s3cret-key"));
        Inventory inv = new Inventory("lab", List.of(), List.of(), List.of(smb, pbs), List.of(), List.of());
        GenerationResult r = Generation.generate(inv);

        Map<String, String> files = Generation.byPath(r);
        assertThat(files.values()).noneMatch(text -> text.contains("s3cret"));
        assertThat(files.get("terraform/storage.tf")).contains("  password = var.storage_smb_password\n")
                .contains("  encryption_key = var.storage_pbs_encryption_key\n")
                .contains("    ignore_changes = [password, encryption_key]\n");
        String variables = files.get("terraform/variables.tf");
        for (String v : List.of("storage_smb_password", "storage_pbs_password", "storage_pbs_encryption_key")) {
            String block = variables.substring(variables.indexOf("variable \"" + v + "\""));
            block = block.substring(0, block.indexOf("}\n"));
            assertThat(block).as(v).contains("sensitive   = true").contains("TF_VAR_" + v).doesNotContain("default");
        }
    }

    @Test
    void storageTypesWithoutAProviderResourceAreNamedInTheFileAndAsInformation() {
        Storage ceph = new Storage("ceph", "rbd", Map.of("pool", "rbd", "content", "images"));
        Storage lvm = new Storage("vg", "lvm", Map.of("content", "images"));
        GenerationResult r = Generation.generate(new Inventory("lab", List.of(), List.of(), List.of(ceph, lvm), List.of(), List.of()));

        String storage = Generation.byPath(r).get("terraform/storage.tf");
        assertThat(storage).contains("# NOTE: storage ceph (rbd) has no bpg/proxmox resource: kept in proxmox-mpc state, not written")
                .contains("# NOTE: storage vg (lvm) has no vgname: not written").doesNotContain("resource ");
        assertThat(r.diagnostics()).filteredOn(d -> d.source().equals("terraform/storage.tf")).hasSize(2)
                .allMatch(d -> d.severity() == Severity.INFO);
        assertThat(Generation.byPath(r).get("terraform/imports.tf")).doesNotContain("ceph").doesNotContain("vg");
    }

    @Test
    void guestsStillToBeClonedGetACloneBlockAndNoImport() {
        VirtualMachine vm = new VirtualMachine(150, "pve1", "", PowerState.RUNNING,
                Map.of("name", "new-web", "mpc.clone-from", "9000", "mpc.full-clone", "0", "cores", "2"), GuestRuntime.NONE);
        Map<String, String> files = Generation.byPath(Generation.generate(Inventory.empty().withGuest(vm)));
        assertThat(files.get("terraform/vms/new_web.tf")).contains("  clone {\n    vm_id = 9000\n    full  = false\n  }");
        assertThat(files.get("terraform/imports.tf")).doesNotContain("new_web");
        assertThat(files.get("terraform/vms/new_web.tf")).doesNotContain("mpc.");
    }

    @Test
    void resolvesNameClashesDeterministicallyWithTheVmid() {
        GenerationResult r = Generation.generate(Inventories.load("fixtures/small.json"));
        Map<String, String> files = Generation.byPath(r);
        assertThat(files.get("terraform/vms/web_01.tf")).contains("resource \"proxmox_virtual_environment_vm\" \"web_01\"")
                .containsPattern("vm_id +\\= 101\n");
        assertThat(files.get("terraform/vms/web_01_102.tf")).contains("\"web_01_102\"").containsPattern("vm_id +\\= 102\n");
    }

    @Test
    void saysWhatItCannotExpressInTheFileAndAsDiagnostic() {
        GenerationResult r = Generation.generate(Inventories.load("fixtures/small.json"));
        assertThat(Generation.byPath(r).get("terraform/vms/web_01_102.tf"))
                .contains("# NOTE: not expressed in this file (kept in proxmox-mpc state): hookscript");
        assertThat(r.diagnostics()).filteredOn(d -> d.severity() == Severity.INFO).extracting(Diagnostic::toString)
                .contains("terraform/vms/web_01_102.tf: not expressed in this file (kept in proxmox-mpc state): hookscript");
    }

    @Test
    void neverWritesASecretAndReadsTheTokenFromAVariable() {
        VirtualMachine vm = new VirtualMachine(160, "pve1", "", PowerState.RUNNING,
                Map.of("name", "ci", "cipassword", "$5$hashed$secret", "ciuser", "root"), GuestRuntime.NONE);
        GenerationResult r = Generation.generate(Inventory.empty().withGuest(vm));
        r.files().forEach(f -> assertThat(f.content()).doesNotContain("$5$hashed$secret"));
        Map<String, String> files = Generation.byPath(r);
        assertThat(files.get("terraform/main.tf")).contains("api_token = var.api_token");
        assertThat(files.get("terraform/variables.tf")).contains("sensitive   = true");
        assertThat(files.get("terraform/environments/default.tfvars")).doesNotContainPattern("(?m)^api_token");
        assertThat(files.get("terraform/vms/ci.tf")).contains("cipassword");
    }

    @Test
    void takesTheProviderVersionFromTheOptions() {
        Map<String, String> files = Generation.byPath(Generation.generate(Inventory.empty(),
                Map.of("provider_version", ">= 0.111.1, < 0.112.0", "insecure", true)));
        assertThat(files.get("terraform/main.tf")).contains("version = \">= 0.111.1, < 0.112.0\"");
        assertThat(files.get("terraform/environments/default.tfvars")).contains("insecure    = true");
    }

    @Test
    void describesImportedGuestsAsTheProviderReadsThemBack() {
        String win = Generation.byPath(Generation.generate(Inventories.load("fixtures/demo.json"))).get("terraform/vms/legacy_win.tf");
        // PVE defaults that differ from the provider's must be spelled out, or the first plan shows a diff.
        assertThat(win).contains("on_boot       = false").contains("scsi_hardware = \"lsi\"").contains("bios          = \"ovmf\"")
                .contains("  efi_disk {\n    datastore_id      = \"local-lvm\"\n    type              = \"4m\"\n    pre_enrolled_keys = true\n  }")
                .contains("  tpm_state {\n    datastore_id = \"local-lvm\"\n    version      = \"v2.0\"\n  }")
                .contains("  cdrom {\n    enabled   = true\n    file_id   = \"local:iso/virtio-win.iso\"\n    interface = \"ide0\"\n  }");
    }

    @Test
    void usesTheProjectsTemplateOverride(@org.junit.jupiter.api.io.TempDir Path overrides) throws IOException {
        Files.createDirectories(overrides.resolve("terraform"));
        Files.writeString(overrides.resolve("terraform/vm.tf.hbs"), "# our header for {{title}}\n{{resource}}");
        var request = new dev.proxmoxmpc.spi.iac.GenerationRequest(Inventories.load("fixtures/small.json"), "default", "",
                Map.of(), new dev.proxmoxmpc.spi.testkit.ClasspathTemplates(overrides));
        Map<String, String> files = Generation.byPath(new TerraformGenerator().generate(request));
        assertThat(files.get("terraform/vms/web_01.tf")).startsWith("# our header for VM 101 web-01 on pve1.")
                .contains("resource \"proxmox_virtual_environment_vm\" \"web_01\" {");
        assertThat(files.get("terraform/containers/dns_1.tf")).startsWith("# Container 200");
    }

    @Test
    void makesValidResourceNamesFromAnyLabel() {
        assertThat(dev.proxmoxmpc.plugin.terraform.hcl.ResourceNames.of("web-01", "vm_1")).isEqualTo("web_01");
        assertThat(dev.proxmoxmpc.plugin.terraform.hcl.ResourceNames.of("Café Déjà-Vu", "vm_1")).isEqualTo("cafe_deja_vu");
        assertThat(dev.proxmoxmpc.plugin.terraform.hcl.ResourceNames.of("日本", "ct_304")).isEqualTo("ct_304");
        assertThat(dev.proxmoxmpc.plugin.terraform.hcl.ResourceNames.of("01-db", "vm_7")).isEqualTo("vm_01_db");
        assertThat(dev.proxmoxmpc.plugin.terraform.hcl.ResourceNames.of("", "vm_7")).isEqualTo("vm_7");
    }
}
