package dev.proxmoxmpc.kernel.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proxmoxmpc.kernel.state.PortableState;
import dev.proxmoxmpc.spi.iac.ExportRequest;
import dev.proxmoxmpc.spi.iac.ExportResult;
import dev.proxmoxmpc.spi.iac.GeneratedFile;
import dev.proxmoxmpc.spi.kernel.EnvironmentConfig;
import dev.proxmoxmpc.spi.model.GuestRuntime;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.model.PowerState;
import dev.proxmoxmpc.spi.model.VirtualMachine;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ProjectExporterTest {
    private final Inventory desired = Inventory.empty().withGuest(new VirtualMachine(100, "pve1", "", PowerState.RUNNING,
            Map.of("name", "web-01"), new GuestRuntime("", "", 10, List.of("10.0.0.5"), "")));
    private final List<EnvironmentConfig> envs = List.of(
            new EnvironmentConfig("default", "proxmox", "https://lab:8006", "", "root@pam!mpc", "", "", "", false),
            new EnvironmentConfig("production", "proxmox", "https://prod:8006", "", "ops@pve!deploy", "", "", "", false));

    @Test
    void exportsTheGeneratedFilesWithoutImportBlocksPlusConfigStateReadmeAndScripts() {
        ExportResult r = new ProjectExporter("current_environment: production\n", PortableState.PATH, PortableState.write(desired))
                .export(new ExportRequest(desired, "production", envs, Map.of("terraform/main.tf", "terraform {}\n",
                        "terraform/imports.tf", "import {}\n", "terraform/environments/production.tfvars", "x\n",
                        "terraform/environments/default.tfvars", "y\n"), Map.of()));

        Map<String, String> files = r.files().stream().collect(Collectors.toMap(GeneratedFile::path, GeneratedFile::content));
        assertThat(files).containsKeys("terraform/main.tf", "terraform/environments/production.tfvars",
                "terraform/environments/default.tfvars", ".proxmox/config.yml", ".proxmox/desired-state.json", "README.md",
                ".gitignore", "scripts/deploy.sh", "scripts/terraform-apply.sh", "scripts/ansible-provision.sh")
                .doesNotContainKey("terraform/imports.tf");
        assertThat(files.get("README.md")).contains("PROXMOX_MPC_PRODUCTION_SECRET", "https://prod:8006", "1 VMs");
        assertThat(files.get(".gitignore")).contains(".proxmox/state.db", ".proxmox/secrets.yml");
        assertThat(files.get(".proxmox/desired-state.json")).as("no runtime facts").contains("web-01").doesNotContain("10.0.0.5");
    }

    @Test
    void theSameStateGivesTheSameBytes() {
        assertThat(PortableState.write(desired)).isEqualTo(PortableState.write(desired));
    }
}
