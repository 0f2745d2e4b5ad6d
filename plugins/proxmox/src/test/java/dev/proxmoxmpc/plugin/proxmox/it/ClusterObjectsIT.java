package dev.proxmoxmpc.plugin.proxmox.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proxmoxmpc.plugin.proxmox.ProxmoxSession;
import dev.proxmoxmpc.plugin.simulator.SimulatorOptions;
import dev.proxmoxmpc.plugin.simulator.SimulatorServer;
import dev.proxmoxmpc.spi.console.Progress;
import dev.proxmoxmpc.spi.model.ClusterObject;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.provider.Change;
import dev.proxmoxmpc.spi.provider.ChangeAction;
import dev.proxmoxmpc.spi.provider.ChangeResult;
import dev.proxmoxmpc.spi.provider.ResourceRef;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Backup jobs, replication jobs, HA resources and HA rules: read by discovery exactly as the simulator holds them, and
 * created, changed and deleted through the provider, each read back equal.
 */
class ClusterObjectsIT {

    private static ChangeResult apply(ProxmoxSession s, ChangeAction a, String kind, String id, Map<String, String> settings,
                                      List<String> deletions) {
        Change c = new Change(a, ResourceRef.object(kind, "", id), settings, deletions, Map.of(), a + " " + kind + "/" + id);
        return s.apply(c, Progress.NONE);
    }

    private static void ok(ChangeResult r) {
        assertThat(r.succeeded()).as("%s %s", r.message(), r.logTail()).isTrue();
    }

    private static Optional<ClusterObject> read(ProxmoxSession s, String kind, String id) {
        return s.discover(Progress.NONE).object(kind, "", id);
    }

    @Test
    void discoveryReadsTheDemosJobsResourcesAndRules() {
        try (SimulatorServer server = Simulators.demo(); ProxmoxSession s = Simulators.session(server)) {
            Inventory inv = s.discover(Progress.NONE);
            java.util.Set<String> mine = java.util.Set.of("backup-job", "replication", "ha-resource", "ha-rule", "ha-group");
            assertThat(inv.objects().stream().filter(o -> mine.contains(o.kind())).map(ClusterObject::label).toList())
                    .containsExactlyInAnyOrder("backup-job/backup-8c1d5f3a-7e21", "backup-job/backup-2f94b6e0-31ac",
                            "ha-resource/vm:101", "ha-resource/ct:202", "ha-rule/proxy-on-pve3", "ha-rule/web-proxy-apart");
            assertThat(inv.object("backup-job", "", "backup-8c1d5f3a-7e21").orElseThrow().config()).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "schedule", "21:00", "storage", "local", "pool", "production", "mode", "snapshot", "compress", "zstd",
                    "prune-backups", "keep-daily=7,keep-weekly=4", "notes-template", "{{guestname}}",
                    "comment", "Nightly backup of the production pool", "enabled", "1"));
            assertThat(inv.object("ha-resource", "", "vm:101").orElseThrow().config()).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "state", "started", "comment", "Second web server, kept running by the HA manager"));
            assertThat(inv.object("ha-rule", "", "proxy-on-pve3").orElseThrow().config()).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "type", "node-affinity", "resources", "ct:202", "nodes", "pve3", "comment", "The reverse proxy prefers pve3"));
            assertThat(inv.object("ha-rule", "", "web-proxy-apart").orElseThrow().config()).containsEntry("affinity", "negative")
                    .containsEntry("resources", "ct:202,vm:101").doesNotContainKeys("order", "digest", "rule");
            assertThat(inv.object("cluster-status", "", "").orElseThrow().config()).doesNotContainKey("unread");
        }
    }

    @Test
    void backupJobsAreCreatedChangedAndDeleted() {
        try (SimulatorServer server = Simulators.demo(); ProxmoxSession s = Simulators.session(server)) {
            ok(apply(s, ChangeAction.CREATE, "backup-job", "dns", Map.of("schedule", "sun 03:00", "storage", "local",
                    "vmid", "200,201", "mode", "snapshot", "enabled", "1"), List.of()));
            assertThat(read(s, "backup-job", "dns").orElseThrow().config()).containsEntry("vmid", "200,201");
            ok(apply(s, ChangeAction.UPDATE, "backup-job", "dns", Map.of("schedule", "sun 04:00", "storage", "local",
                    "vmid", "200,201", "enabled", "1"), List.of("mode")));
            assertThat(read(s, "backup-job", "dns").orElseThrow().config()).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "schedule", "sun 04:00", "storage", "local", "vmid", "200,201", "enabled", "1"));
            ok(apply(s, ChangeAction.DELETE, "backup-job", "dns", Map.of(), List.of()));
            assertThat(read(s, "backup-job", "dns")).isEmpty();
        }
    }

    @Test
    void haResourcesAndRulesAreCreatedChangedAndDeleted() {
        try (SimulatorServer server = Simulators.demo(); ProxmoxSession s = Simulators.session(server)) {
            ok(apply(s, ChangeAction.CREATE, "ha-resource", "vm:103", Map.of("state", "started", "max_restart", "2"), List.of()));
            ok(apply(s, ChangeAction.CREATE, "ha-rule", "db-02-nodes", Map.of("type", "node-affinity", "resources", "vm:103",
                    "nodes", "pve3:2,pve1:1"), List.of()));
            assertThat(read(s, "ha-rule", "db-02-nodes").orElseThrow().config()).containsEntry("nodes", "pve1:1,pve3:2");
            ok(apply(s, ChangeAction.UPDATE, "ha-rule", "db-02-nodes", Map.of("type", "node-affinity", "resources", "vm:103",
                    "nodes", "pve3", "strict", "1"), List.of()));
            assertThat(read(s, "ha-rule", "db-02-nodes").orElseThrow().config()).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "type", "node-affinity", "resources", "vm:103", "nodes", "pve3", "strict", "1"));
            ok(apply(s, ChangeAction.UPDATE, "ha-resource", "vm:103", Map.of("state", "started", "comment", "db"), List.of("max_restart")));
            assertThat(read(s, "ha-resource", "vm:103").orElseThrow().config()).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "state", "started", "comment", "db"));
            ChangeResult retype = apply(s, ChangeAction.UPDATE, "ha-rule", "db-02-nodes", Map.of("type", "resource-affinity",
                    "resources", "vm:103", "affinity", "positive"), List.of());
            assertThat(retype.succeeded()).isFalse();
            assertThat(retype.message()).contains("cannot change the type");
            ok(apply(s, ChangeAction.DELETE, "ha-rule", "db-02-nodes", Map.of(), List.of()));
            ok(apply(s, ChangeAction.DELETE, "ha-resource", "vm:103", Map.of(), List.of()));
            assertThat(read(s, "ha-resource", "vm:103")).isEmpty();
            assertThat(read(s, "ha-rule", "db-02-nodes")).isEmpty();
        }
    }

    @Test
    void replicationJobsAreReadCreatedChangedAndDeleted() throws URISyntaxException {
        Path scenario = Path.of(ClusterObjectsIT.class.getResource("/scenarios/zfs-replication.yml").toURI());
        try (SimulatorServer server = SimulatorServer.start(SimulatorOptions.builder().scenarioFile(scenario).port(0).taskDurationMs(30).build());
             ProxmoxSession s = Simulators.session(server)) {
            assertThat(read(s, "replication", "200-0").orElseThrow().config()).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "target", "pve1", "schedule", "*/30", "comment", "Container to pve1"));
            ok(apply(s, ChangeAction.CREATE, "replication", "100-0", Map.of("target", "pve2", "rate", "50"), List.of()));
            assertThat(read(s, "replication", "100-0").orElseThrow().config()).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "target", "pve2", "rate", "50"));
            ok(apply(s, ChangeAction.UPDATE, "replication", "100-0", Map.of("target", "pve2", "schedule", "*/5"), List.of("rate")));
            assertThat(read(s, "replication", "100-0").orElseThrow().config()).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "target", "pve2", "schedule", "*/5"));
            ChangeResult retarget = apply(s, ChangeAction.UPDATE, "replication", "200-0", Map.of("target", "pve2"), List.of());
            assertThat(retarget.succeeded()).isFalse();
            assertThat(retarget.message()).contains("cannot change the target");
            ok(apply(s, ChangeAction.DELETE, "replication", "100-0", Map.of(), List.of()));
            assertThat(read(s, "replication", "100-0")).as("marked for removal: gone for proxmox-mpc").isEmpty();
        }
    }
}
