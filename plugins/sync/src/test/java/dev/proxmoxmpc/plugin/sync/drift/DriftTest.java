package dev.proxmoxmpc.plugin.sync.drift;

import static dev.proxmoxmpc.plugin.sync.fake.Fixtures.inventory;
import static dev.proxmoxmpc.plugin.sync.fake.Fixtures.observedInventory;
import static dev.proxmoxmpc.plugin.sync.fake.Fixtures.vm;
import static org.assertj.core.api.Assertions.assertThat;

import dev.proxmoxmpc.plugin.sync.compare.FieldChange;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.model.PowerState;
import dev.proxmoxmpc.spi.provider.TaskRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DriftTest {
    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    private static TaskRecord task(String type, String id, String user, Duration ago) {
        return new TaskRecord("UPID:pve1:" + type, "pve1", type, id, user, "", NOW.minus(ago), Optional.of(NOW), "OK");
    }

    @Test
    void noBaseMeansAnImportNotDrift() {
        assertThat(DriftDetector.detect(Inventory.empty(), observedInventory(vm(101, "web")))).isEmpty();
    }

    @Test
    void noiseIsNotDrift() {
        Inventory base = inventory(vm(101, "web", Map.of("tags", "a;b")));
        Inventory observed = observedInventory(vm(101, "web", Map.of("tags", "b,a", "meta", "x", "vmgenid", "y", "lock", "backup")));
        assertThat(DriftDetector.detect(base, observed)).isEmpty();
    }

    @Test
    void changedGuestIsAttributedToTheNewestFittingTask() {
        Inventory base = inventory(vm(101, "web"));
        Inventory observed = observedInventory(vm(101, "web", Map.of("memory", "8192")));
        List<TaskRecord> tasks = List.of(
                task("qmstart", "101", "bob@pve", Duration.ofMinutes(5)),
                task("qmconfig", "101", "alice@pam", Duration.ofMinutes(12)),
                task("qmconfig", "102", "carol@pam", Duration.ofMinutes(1)),
                task("qmconfig", "101", "old@pam", Duration.ofDays(3)));
        List<Drift> drift = new TaskAttributor(tasks, NOW.minus(Duration.ofHours(1))).attribute(DriftDetector.detect(base, observed));
        assertThat(drift).singleElement().satisfies(d -> assertThat(DriftText.line(d, NOW))
                .isEqualTo("vm/101 web: memory 4096 -> 8192, changed 12 minutes ago by alice@pam (qmconfig)"));
    }

    @Test
    void powerAndMigrationPickTheirTaskTypesAndTokensAreNamed() {
        Inventory base = inventory(vm(101, "web"), vm(102, "db"));
        Inventory observed = observedInventory(vm(101, "web").withStatus(PowerState.STOPPED), vm(102, "db").withNode("pve2"));
        List<TaskRecord> tasks = List.of(
                task("qmconfig", "101", "x@pam", Duration.ofMinutes(1)),
                new TaskRecord("UPID:a", "pve1", "qmstop", "101", "root@pam", "ci", NOW.minus(Duration.ofHours(2)), Optional.empty(), ""),
                task("qmigrate", "102", "bob@pve", Duration.ofMinutes(30)));
        List<Drift> drift = new TaskAttributor(tasks, Instant.MIN).attribute(DriftDetector.detect(base, observed));
        assertThat(drift).extracting(d -> DriftText.line(d, NOW)).containsExactly(
                "vm/101 web: status running -> stopped, changed 2 hours ago by root@pam!ci (qmstop)",
                "vm/102 db: node pve1 -> pve2, changed 30 minutes ago by bob@pve (qmigrate)");
    }

    @Test
    void guestsCreatedAndDeletedOnTheServerAreDrift() {
        Inventory base = inventory(vm(101, "web"));
        Inventory observed = observedInventory(vm(102, "db"));
        List<Drift> drift = new TaskAttributor(List.of(task("qmcreate", "102", "alice@pam", Duration.ofMinutes(2))), Instant.MIN)
                .attribute(DriftDetector.detect(base, observed));
        assertThat(drift).extracting(d -> DriftText.line(d, NOW)).containsExactly(
                "vm/101 web: gone from the server, by an unknown user (no matching task)",
                "vm/102 db: new on the server, created 2 minutes ago by alice@pam (qmcreate)");
    }

    @Test
    void tasksBeforeTheLastSyncDoNotCount() {
        Inventory base = inventory(vm(101, "web"));
        Inventory observed = observedInventory(vm(101, "web", Map.of("cores", "4")));
        List<Drift> drift = new TaskAttributor(List.of(task("qmconfig", "101", "old@pam", Duration.ofDays(2))),
                NOW.minus(Duration.ofHours(1))).attribute(DriftDetector.detect(base, observed));
        assertThat(drift.get(0).attribution()).isEmpty();
    }

    @Test
    void aTaskStampedInTheSameSecondAsTheLastSyncCounts() {
        Inventory base = inventory(vm(101, "web"));
        Inventory observed = observedInventory(vm(101, "web", Map.of("cores", "4")));
        TaskRecord sameSecond = task("qmconfig", "101", "alice@pam", Duration.ZERO);
        Instant lastSync = NOW.plusMillis(700);
        List<Drift> drift = new TaskAttributor(List.of(sameSecond), lastSync).attribute(DriftDetector.detect(base, observed));
        assertThat(drift.get(0).attribution()).map(Attribution::who).contains("alice@pam");
        List<Drift> later = new TaskAttributor(List.of(sameSecond), NOW.plusSeconds(1)).attribute(DriftDetector.detect(base, observed));
        assertThat(later.get(0).attribution()).isEmpty();
    }

    @Test
    void aFirewallRuleChangedOnTheServerIsDriftUnlessTheKindWasUnread() {
        dev.proxmoxmpc.spi.model.ClusterObject rules = new dev.proxmoxmpc.spi.model.ClusterObject("firewall-rules", "vm/101", "",
                Map.of("rule.0.type", "in", "rule.0.action", "ACCEPT", "rule.0.dport", "22", "digest", "a"));
        Inventory base = inventory(vm(101, "web")).withObject(rules);
        Inventory observed = observedInventory(vm(101, "web")).withObject(rules.withConfig(Map.of("rule.0.type", "in",
                "rule.0.action", "ACCEPT", "rule.0.dport", "2222", "digest", "b")));
        List<Drift> drift = DriftDetector.detect(base, observed);
        assertThat(drift).singleElement().satisfies(d -> {
            assertThat(d.resource()).isEqualTo("firewall-rules/vm/101");
            assertThat(d.changes()).extracting(FieldChange::describe).containsExactly("rule.0.dport 22 -> 2222");
        });
        Inventory unread = observed.withObject(new dev.proxmoxmpc.spi.model.ClusterObject("cluster-status", "", "",
                Map.of("unread", "firewall-rules"))).withObjects(List.of(new dev.proxmoxmpc.spi.model.ClusterObject("cluster-status",
                "", "", Map.of("unread", "firewall-rules"))));
        assertThat(DriftDetector.detect(base, unread)).as("a kind the server would not show is not gone").isEmpty();
    }
}
