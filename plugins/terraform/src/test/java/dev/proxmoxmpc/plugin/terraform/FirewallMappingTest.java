package dev.proxmoxmpc.plugin.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proxmoxmpc.spi.iac.ImportResult;
import dev.proxmoxmpc.spi.model.ClusterObject;
import dev.proxmoxmpc.spi.model.Inventory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** terraform/firewall.tf: what it holds, and that reading it back gives the same objects; hand edits read as exactly themselves. */
class FirewallMappingTest {
    @TempDir
    Path dir;

    private String generate(Inventory inv) throws Exception {
        Generation.write(Generation.generate(inv), dir);
        return Files.readString(dir.resolve("terraform/firewall.tf"), StandardCharsets.UTF_8);
    }

    private static List<ClusterObject> firewall(Inventory inv) {
        return inv.objects().stream().filter(o -> o.kind().startsWith("firewall-")).sorted(java.util.Comparator.comparing(ClusterObject::key)).toList();
    }

    @Test
    void theFileHoldsEveryKindUnderBpgsLongNamesWithImportIds() throws Exception {
        String tf = generate(FirewallObjects.demo());
        assertThat(tf).contains("resource \"proxmox_virtual_environment_cluster_firewall\" \"cluster\"")
                .contains("input_policy  = \"DROP\"").contains("log_ratelimit {")
                .contains("resource \"proxmox_virtual_environment_cluster_firewall_security_group\" \"webservers\"")
                .contains("resource \"proxmox_virtual_environment_firewall_alias\" \"cluster_mgmt_net\"")
                .contains("resource \"proxmox_virtual_environment_firewall_ipset\" \"cluster_dns_servers\"")
                .contains("resource \"proxmox_virtual_environment_firewall_rules\" \"node_pve2_rules\"")
                .contains("resource \"proxmox_virtual_environment_firewall_options\" \"vm_101\"")
                .contains("security_group = \"webservers\"")
                .contains("icmp-type not in the provider's schema; kept in proxmox-mpc's state")
                .contains("bpg's firewall_alias cannot be imported")
                .doesNotContain("nftables").doesNotContain("proxmox_firewall");
        assertThat(tf.indexOf("cluster_firewall\" \"cluster\"")).isLessThan(tf.indexOf("firewall_rules\" \"cluster_rules\""));
        assertThat(tf.indexOf("dport  = \"8006\"")).as("rules in position order").isLessThan(tf.indexOf("dport   = \"53\""));
        String imports = Files.readString(dir.resolve("terraform/imports.tf"), StandardCharsets.UTF_8);
        assertThat(imports).contains("proxmox_virtual_environment_firewall_options.vm_101\n  id = \"vm/pve1/101\"")
                .contains("id = \"container/pve3/202\"").contains("id = \"cluster/dns-servers\"")
                .contains("id = \"container/pve3/202/backends\"").contains("id = \"node/pve2\"").contains("id = \"webservers\"")
                .contains("proxmox_virtual_environment_firewall_rules.cluster_rules\n  id = \"cluster\"")
                .doesNotContain("firewall_alias.");
        assertThat(generate(FirewallObjects.demo())).as("deterministic").isEqualTo(tf);
    }

    @Test
    void readingTheFileBackGivesTheSameObjects() throws Exception {
        Inventory desired = FirewallObjects.demo();
        generate(desired);
        ImportResult read = Importing.read(dir, desired);
        assertThat(read.diagnostics()).isEmpty();
        assertThat(firewall(read.desired())).isEqualTo(firewall(desired));
        // the same objects read over a base without them (a fresh project): only keys outside the provider's schema differ
        ImportResult fresh = Importing.read(dir, Inventories.load("fixtures/demo.json"));
        List<ClusterObject> got = firewall(fresh.desired());
        assertThat(got).hasSize(firewall(desired).size() - 1); // node options have no resource
        assertThat(got).filteredOn(o -> o.kind().equals("firewall-rules") && o.scope().isEmpty()).singleElement()
                .satisfies(o -> assertThat(o.config()).doesNotContainKey("rule.2.icmp-type").containsEntry("rule.3.enable", "0"));
    }

    @Test
    void aHandEditedRuleReadsAsExactlyThatChange() throws Exception {
        Inventory desired = FirewallObjects.demo();
        String tf = generate(desired);
        Path file = dir.resolve("terraform/firewall.tf");
        assertThat(tf).containsOnlyOnce("dport  = \"8006\"");
        Files.writeString(file, tf.replace("dport  = \"8006\"", "dport  = \"8443\""), StandardCharsets.UTF_8);
        Inventory read = Importing.read(dir, desired).desired();
        ClusterObject before = desired.object("firewall-rules", "", "").orElseThrow();
        ClusterObject after = read.object("firewall-rules", "", "").orElseThrow();
        Map<String, String> expected = new java.util.TreeMap<>(before.config());
        expected.put("rule.1.dport", "8443");
        assertThat(after.config()).isEqualTo(expected);
        assertThat(firewall(read).stream().filter(o -> !o.equals(after)).toList())
                .isEqualTo(firewall(desired).stream().filter(o -> !o.equals(before)).toList());
        assertThat(read.object("firewall-options", "node/pve1", "")).as("node options stay in state").isPresent();
    }

    @Test
    void aRemovedBlockDeletesItsObjectAndAnAddedRuleAppends() throws Exception {
        Inventory desired = FirewallObjects.demo();
        String tf = generate(desired);
        Path file = dir.resolve("terraform/firewall.tf");
        int start = tf.indexOf("resource \"proxmox_virtual_environment_firewall_alias\" \"cluster_monitoring\"");
        int end = tf.indexOf("\n}\n", start) + 3;
        String edited = tf.substring(0, start) + tf.substring(end);
        edited = edited.replace("  rule {\n    security_group = \"webservers\"\n    comment        = \"Web server\"\n  }\n",
                "  rule {\n    security_group = \"webservers\"\n    comment        = \"Web server\"\n  }\n"
                        + "  rule {\n    type    = \"in\"\n    action  = \"DROP\"\n    enabled = false\n  }\n");
        Files.writeString(file, edited, StandardCharsets.UTF_8);
        Inventory read = Importing.read(dir, desired).desired();
        assertThat(read.object("firewall-alias", "", "monitoring")).isEmpty();
        assertThat(read.object("firewall-rules", "vm/101", "").orElseThrow().config()).containsEntry("rule.1.action", "DROP")
                .containsEntry("rule.1.enable", "0").containsEntry("rule.2.macro", "SSH");
    }
}
