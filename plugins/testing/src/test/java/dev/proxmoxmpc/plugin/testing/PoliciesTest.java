package dev.proxmoxmpc.plugin.testing;

import static dev.proxmoxmpc.plugin.testing.Fixtures.vm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.proxmoxmpc.plugin.testing.policy.CelPolicy;
import dev.proxmoxmpc.plugin.testing.policy.Finding;
import dev.proxmoxmpc.plugin.testing.policy.PolicyEngine;
import dev.proxmoxmpc.plugin.testing.policy.PolicyFile;
import dev.proxmoxmpc.plugin.testing.policy.PolicyFileException;
import dev.proxmoxmpc.plugin.testing.policy.PolicyFileReader;
import dev.proxmoxmpc.plugin.testing.policy.RuleRun;
import dev.proxmoxmpc.plugin.testing.policy.ValidateReport;
import dev.proxmoxmpc.spi.diag.Diagnostic;
import dev.proxmoxmpc.spi.diag.Severity;
import dev.proxmoxmpc.spi.iac.Policy;
import dev.proxmoxmpc.spi.iac.PolicyRequest;
import dev.proxmoxmpc.spi.model.ClusterObject;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.provider.ApiData;
import dev.proxmoxmpc.spi.provider.ProviderException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PoliciesTest {
    private static final String FILE = ".proxmox/policies.yml";

    private static ValidateReport run(Inventory desired, String yaml, String env, PolicyRequest.ServerReader server, Policy... extra) {
        PolicyFile file = PolicyFileReader.read(FILE, yaml);
        List<Policy> ext = new java.util.ArrayList<>(Project.Rules.bundled());
        ext.addAll(List.of(extra));
        return PolicyEngine.run(PolicyEngine.rules(ext, file), file, new PolicyEngine.Inputs(desired, desired, env, server));
    }

    private static List<String> messages(ValidateReport r, String rule) {
        return r.findings().stream().filter(f -> f.rule().equals(rule)).map(f -> f.severity() + " " + f.message()).toList();
    }

    @Test
    void aCustomCelRuleFindsTheGuestsItIsFalseFor() {
        Inventory inv = Fixtures.cluster(vm(100, "web-01", "pve1", Map.of("tags", "owner-web;prod")), vm(101, "db", "pve2", Map.of()));
        ValidateReport r = run(inv, """
                custom:
                  - id: owner-tag
                    why: someone must answer for it
                    expr: guest.tags.exists(t, t.startsWith("owner-"))
                    message: has no owner-... tag
                """, "default", PolicyRequest.ServerReader.NONE);
        assertThat(messages(r, "owner-tag")).containsExactly("warning db: has no owner-... tag");
        assertThat(r.findings()).filteredOn(f -> f.rule().equals("owner-tag")).extracting(Finding::file)
                .containsExactly("tests/vms/db.test.yml");
    }

    @Test
    void celSeesConfigDisksAndTheEnvironment() {
        Inventory inv = Fixtures.healthy();
        ValidateReport r = run(inv, """
                custom:
                  - id: big-disks-in-prod
                    severity: error
                    applies_to: vms
                    expr: environment != "production" || guest.disks.all(d, d.size_gib <= 16) && guest.config["scsihw"] == "virtio-scsi-single"
                """, "production", PolicyRequest.ServerReader.NONE);
        assertThat(messages(r, "big-disks-in-prod")).hasSize(2).allMatch(m -> m.startsWith("error web-0") && m.contains("does not satisfy"));
        assertThat(r.errors()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aBrokenExpressionIsOneErrorNamingFileLineAndColumn() {
        String yaml = """
                custom:
                  - id: owner-tag
                    expr: guest.tags.exists(t, t ==)
                """;
        assertThatThrownBy(() -> PolicyEngine.rules(List.of(), PolicyFileReader.read(FILE, yaml)))
                .isInstanceOf(PolicyFileException.class)
                .hasMessageStartingWith(".proxmox/policies.yml:3:")
                .hasMessageContaining("rule 'owner-tag': invalid CEL expression");
        PolicyFileException e = org.junit.jupiter.api.Assertions.assertThrows(PolicyFileException.class,
                () -> PolicyEngine.rules(List.of(), PolicyFileReader.read(FILE, yaml)));
        int column = Integer.parseInt(e.getMessage().split(":")[2]);
        assertThat(yaml.lines().toList().get(2).substring(column - 1)).as("the column points into the expression").startsWith(")");
    }

    @Test
    void anUnknownVariableAndAMultiLineBlockPointIntoTheRightLine() {
        String yaml = """
                custom:
                  - id: two-lines
                    expr: |
                      guest.cores > 0 &&
                        nosuch.x == 1
                """;
        assertThatThrownBy(() -> PolicyEngine.rules(List.of(), PolicyFileReader.read(FILE, yaml)))
                .hasMessageStartingWith(".proxmox/policies.yml:5:").hasMessageContaining("nosuch");
    }

    @Test
    void brokenYamlAndUnknownKeysNameTheirPlace() {
        assertThatThrownBy(() -> PolicyFileReader.read(FILE, "rules:\n  tags-present: maybe\n"))
                .hasMessage(".proxmox/policies.yml:2:17: severity must be error, warning, info or off, not 'maybe'");
        assertThatThrownBy(() -> PolicyFileReader.read(FILE, "rulez: {}\n")).hasMessageStartingWith(".proxmox/policies.yml:1:1: unknown key 'rulez'");
        assertThatThrownBy(() -> PolicyFileReader.read(FILE, "rules: [\n")).hasMessageStartingWith(".proxmox/policies.yml:2:");
    }

    @Test
    void rulesAreTurnedOffOrChangeSeverityPerEnvironment() {
        Inventory inv = Fixtures.cluster(vm(100, "web-01", "pve1", Map.of("tags", "", "cpu", "host")));
        String yaml = """
                rules:
                  tags-present: off
                  cpu-host-migration: error
                environments:
                  lab:
                    rules:
                      cpu-host-migration: info
                """;
        ValidateReport def = run(inv, yaml, "default", PolicyRequest.ServerReader.NONE);
        assertThat(messages(def, "tags-present")).isEmpty();
        assertThat(def.rules()).filteredOn(x -> x.id().equals("tags-present")).extracting(RuleRun::status).containsExactly("off");
        assertThat(messages(def, "cpu-host-migration")).containsExactly("error web-01: uses CPU type host in a cluster of 2 nodes");
        ValidateReport lab = run(inv, yaml, "lab", PolicyRequest.ServerReader.NONE);
        assertThat(messages(lab, "cpu-host-migration")).containsExactly("info web-01: uses CPU type host in a cluster of 2 nodes");
    }

    @Test
    void rulesThatNeedTheServerAreSkippedWithTheReasonWhenItCannotBeAsked() {
        ValidateReport r = run(Fixtures.healthy(), "", "default", PolicyRequest.ServerReader.NONE);
        assertThat(r.rules()).filteredOn(x -> x.id().equals("backup-job-coverage"))
                .singleElement().satisfies(x -> {
                    assertThat(x.status()).isEqualTo("skipped");
                    assertThat(x.reason()).contains("not connected");
                });
        ValidateReport denied = run(Fixtures.healthy(), "", "default", (p, q) -> {
            throw new ProviderException(ProviderException.Kind.PERMISSION, "permission denied: lacks Sys.Audit on /");
        });
        assertThat(denied.rules()).filteredOn(x -> x.id().equals("storage-usage")).extracting(RuleRun::reason)
                .containsExactly("permission denied: lacks Sys.Audit on /");
        assertThat(denied.errors()).isZero();
    }

    @Test
    void backupCoverageStorageUsageAndPendingChangesReadTheServer() {
        FakeServer server = new FakeServer(Fixtures.healthy())
                .answer("/cluster/backup-info/not-backed-up", List.of(Map.of("vmid", 101, "type", "qemu", "name", "web-02")))
                .answer("/cluster/resources", List.of(Map.of("storage", "local-lvm", "node", "pve1", "disk", 90L, "maxdisk", 100L)))
                .answer("/nodes/pve1/qemu/100/pending", List.of(Map.of("key", "cores", "value", "2", "pending", "4")))
                .answer("/nodes/pve2/qemu/101/pending", List.of(Map.of("key", "cores", "value", "2")))
                .fail("/nodes/pve1/lxc/200/pending", new ProviderException(ProviderException.Kind.CONNECTION, "595 no route"));
        ValidateReport r = run(Fixtures.healthy(), "", "default", server::read);
        assertThat(messages(r, "backup-job-coverage")).containsExactly("warning web-02: is in no backup job");
        assertThat(messages(r, "storage-usage")).containsExactly("warning storage local-lvm on pve1 is 90 % full (limit 85 %)");
        assertThat(messages(r, "pending-changes")).containsExactly("warning web-01: changes wait for a restart: cores",
                "info skipped node pve1: it is offline or unreachable");
    }

    @Test
    void aPluginsOwnRuleRunsBesideTheBundledOnes() {
        Policy plugin = new Policy() {
            @Override
            public String id() {
                return "plugin-rule";
            }

            @Override
            public List<Diagnostic> check(Inventory desired) {
                return List.of(Diagnostic.warning("seen " + desired.guests().size() + " guests", "cluster"));
            }
        };
        ValidateReport r = run(Fixtures.healthy(), "", "default", PolicyRequest.ServerReader.NONE, plugin);
        assertThat(messages(r, "plugin-rule")).containsExactly("warning seen 3 guests");
        assertThat(plugin.severity()).isEqualTo(Severity.ERROR);
    }

    @Test
    void aHealthyClusterHasNoErrors() {
        ValidateReport r = run(Fixtures.healthy(), "", "default", PolicyRequest.ServerReader.NONE);
        assertThat(r.errors()).as(r.findings().toString()).isZero();
    }

    @Test
    void theBestPracticeRulesFindWhatTheyAreAbout() {
        Inventory inv = Fixtures.cluster(
                vm(100, "bad", "pve1", Map.of("agent", "0", "cipassword", "secret", "balloon", "8192", "scsi0",
                        "local-lvm:vm-100-disk-0,cache=unsafe,size=32G", "scsihw", "lsi", "net0", "virtio,bridge=vmbr0", "tags", "",
                        "cpu", "host")),
                vm(101, "prod", "pve2", Map.of("onboot", "0", "memory", "20480")));
        ValidateReport r = run(inv, "", "default", PolicyRequest.ServerReader.NONE);
        assertThat(r.findings()).extracting(Finding::rule).contains("guest-agent-enabled", "no-plain-cipassword", "memory-balloon-sanity",
                "disk-cache-unsafe", "virtio-scsi-single-iothread", "firewall-public-bridge", "tags-present", "cpu-host-migration",
                "onboot-production", "protection-production", "node-memory-overcommit");
        assertThat(messages(r, "node-memory-overcommit")).containsExactly("error node pve2: running guests are given 20.0 GiB of memory, the node has 16.0 GiB");
        assertThat(CelPolicy.class).isNotNull();
    }

    @Test
    void clusterObjectsThatNameWhatDoesNotExistAreErrors() {
        Inventory inv = Fixtures.healthy().withObjects(List.of(
                new ClusterObject("backup-job", "", "nightly", Map.of("storage", "local-lvm", "vmid", "100")),
                new ClusterObject("backup-job", "", "weekly", Map.of("storage", "nas", "node", "pve9")),
                new ClusterObject("replication", "", "100-0", Map.of("target", "pve1")),
                new ClusterObject("ha-resource", "", "vm:999", Map.of("state", "started")),
                new ClusterObject("ha-rule", "", "keep", Map.of("type", "node-affinity", "resources", "vm:100,vm:998", "nodes", "pve1:2,pve7")),
                new ClusterObject("sdn-vnet", "", "vnet1", Map.of("zone", "nozone")),
                new ClusterObject("firewall-rules", "vm/100", "", Map.of("rule.0.type", "group", "rule.0.action", "webservers"))));
        ValidateReport r = run(inv, "", "default", PolicyRequest.ServerReader.NONE);
        assertThat(r.findings().stream().filter(f -> f.rule().equals("object-references"))
                .map(f -> f.severity() + " " + f.source() + ": " + f.message()).toList()).containsExactlyInAnyOrder(
                "error backup-job/nightly: storage 'local-lvm' does not hold backups (content: images,rootdir)",
                "error backup-job/weekly: storage 'nas' does not exist",
                "error backup-job/weekly: node 'pve9' is not in the cluster",
                "error replication/100-0: target node 'pve1' is the guest's own node",
                "error ha-resource/vm:999: guest 999 does not exist",
                "error ha-rule/keep: guest vm:998 does not exist",
                "error ha-rule/keep: node 'pve7' is not in the cluster",
                "error sdn-vnet/vnet1: SDN zone 'nozone' does not exist",
                "error firewall-rules/vm/100: security group 'webservers' does not exist");
    }
}
