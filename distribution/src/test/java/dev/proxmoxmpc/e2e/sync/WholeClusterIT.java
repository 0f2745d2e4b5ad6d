package dev.proxmoxmpc.e2e.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proxmoxmpc.e2e.Product;
import dev.proxmoxmpc.plugin.simulator.SimulatorOptions;
import dev.proxmoxmpc.plugin.simulator.SimulatorServer;
import dev.proxmoxmpc.testsupport.ExternalTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole demo cluster as code (issue 25): after /sync the Terraform holds resources of every kind proxmox-mpc
 * covers (storage, bond, HA, backup and replication jobs' file, firewall, SDN, access), every file parses with
 * HashiCorp's parser and fits the bpg schema, terraform fmt finds nothing to change where terraform is installed, and
 * /plan finds nothing to do.
 */
class WholeClusterIT {
    private static final Pattern RESOURCE = Pattern.compile("(?m)^resource \"([a-z0-9_]+)\"");

    @Test
    void everyKindIsInTerraformTheFilesAreValidAndThePlanIsEmpty(@TempDir Path tmp) throws Exception {
        List<String> types = new ArrayList<>();
        List<Path> files;
        Path dir;
        try (SimulatorServer sim = SimulatorServer.start(SimulatorOptions.builder().scenario("demo").port(0).build())) {
            SyncProject p = SyncProject.init(tmp, sim);
            p.ok("sync");
            dir = p.dir.resolve("terraform");
            try (Stream<Path> s = Files.walk(dir)) {
                files = s.filter(f -> f.toString().endsWith(".tf")).sorted().toList();
            }
            for (Path f : files) {
                Matcher m = RESOURCE.matcher(Files.readString(f));
                while (m.find()) {
                    types.add(m.group(1));
                }
            }
            Product.Run plan = p.run("--detailed-exitcode", "plan");
            assertThat(plan.exitCode()).as("nothing to do after /sync\n" + plan.all()).isZero();
            Product.Run validate = p.run("validate");
            assertThat(validate.all()).doesNotContain("object-references");
        }
        assertThat(types).as("1. storage").contains("proxmox_storage_lvmthin", "proxmox_storage_nfs");
        assertThat(types).as("2. networks and bonds").contains("proxmox_network_linux_bridge", "proxmox_network_linux_bond");
        assertThat(types).as("3. HA").contains("proxmox_haresource", "proxmox_harule");
        assertThat(types).as("4. backup jobs").contains("proxmox_backup_job");
        assertThat(types).as("5. firewall").contains("proxmox_virtual_environment_cluster_firewall",
                "proxmox_virtual_environment_firewall_rules", "proxmox_virtual_environment_firewall_alias",
                "proxmox_virtual_environment_firewall_ipset", "proxmox_virtual_environment_cluster_firewall_security_group",
                "proxmox_virtual_environment_firewall_options");
        assertThat(types).as("6. SDN").contains("proxmox_sdn_zone_simple", "proxmox_sdn_vnet", "proxmox_sdn_subnet");
        assertThat(types).as("7. access").contains("proxmox_virtual_environment_user", "proxmox_virtual_environment_group",
                "proxmox_virtual_environment_role", "proxmox_acl", "proxmox_user_token");
        assertThat(types).as("no deprecated long names where a short one exists")
                .doesNotContain("proxmox_virtual_environment_network_linux_bridge", "proxmox_virtual_environment_haresource");

        HclTools.Run schema = HclTools.checkSchema(files);
        assertThat(schema.exit()).as("HashiCorp's parser and the bpg schema\n" + schema.out()).isZero();

        if (ExternalTools.works("terraform", "version")) {
            ExternalTools.Run fmt = ExternalTools.run(dir, List.of("terraform", "fmt", "-check", "-recursive", "-diff", "."),
                    Map.of("TF_CLI_CONFIG_FILE", "/dev/null"), Duration.ofMinutes(2));
            assertThat(fmt.exit()).as("terraform fmt\n" + fmt.all()).isZero();
        } else {
            System.out.println("SKIPPED terraform fmt check in WholeClusterIT: no terraform binary on the PATH");
        }
    }
}
