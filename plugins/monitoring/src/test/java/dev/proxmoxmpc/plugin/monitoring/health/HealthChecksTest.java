package dev.proxmoxmpc.plugin.monitoring.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proxmoxmpc.plugin.monitoring.settings.Settings;
import dev.proxmoxmpc.spi.command.ExitCode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HealthChecksTest {
    private static final long NOW = 1_800_000_000L;
    private static final long DAY = 86_400;
    private final HealthChecks checks = new HealthChecks(HealthLimits.from(new Settings(Map.of())));

    private static Map<String, Object> node(String name, int online) {
        return Map.of("type", "node", "name", name, "online", online);
    }

    private static Map<String, Object> storage(String id, String node, long used, long max) {
        return Map.of("type", "storage", "storage", id, "node", node, "status", "available", "disk", used, "maxdisk", max,
                "content", "images,rootdir", "shared", 0);
    }

    private static Map<String, Object> guest(int vmid, String hastate) {
        Map<String, Object> m = new LinkedHashMap<>(Map.of("type", "qemu", "vmid", vmid, "name", "vm" + vmid,
                "node", "pve1", "status", "running", "template", 0));
        if (!hastate.isEmpty()) {
            m.put("hastate", hastate);
        }
        return m;
    }

    private static HealthInputs healthy() {
        return new HealthInputs(NOW,
                List.of(Map.of("type", "cluster", "name", "demo", "quorate", 1), node("pve1", 1), node("pve2", 1)),
                List.of(storage("local-lvm", "pve1", 10, 100), guest(100, "started"), guest(101, "")),
                List.of(Map.of("type", "vzdump", "id", "101", "status", "OK", "node", "pve1", "endtime", NOW - 3600)),
                Map.of(100, NOW - DAY, 101, NOW - 3600), List.of(), Optional.of(List.of()), "",
                Map.of("pve1", List.of(Map.of("filename", "pve-ssl.pem", "notafter", NOW + 400 * DAY))), Map.of());
    }

    private static HealthInputs with(HealthInputs in, List<Map<String, Object>> status, List<Map<String, Object>> resources,
                                     List<Map<String, Object>> tasks, Map<String, String> unreachable) {
        return new HealthInputs(in.now(), status, resources, tasks, in.lastBackup(), in.backupGaps(), in.notBackedUp(),
                in.notBackedUpNote(), in.certificates(), unreachable);
    }

    @Test
    void aHealthyClusterIsOkWithExitZeroBothWays() {
        HealthReport r = HealthReport.of(checks.run(healthy()));
        assertThat(r.checks()).extracting(Check::name)
                .containsExactly("nodes", "quorum", "storage", "ha", "guests", "tasks", "backups", "certificates");
        assertThat(r.checks()).allMatch(c -> c.status() == Status.OK, "all ok: " + r.checks());
        assertThat(r.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(r.nagiosExitCode().code()).isZero();
    }

    @Test
    void anOfflineNodeIsCriticalExitOneAndNagiosTwo() {
        HealthInputs in = healthy();
        List<Map<String, Object>> status = new ArrayList<>(in.clusterStatus());
        status.set(2, node("pve2", 0));
        HealthReport r = HealthReport.of(checks.run(with(in, status, in.resources(), in.tasks(), Map.of())));
        Check nodes = r.checks().get(0);
        assertThat(nodes.status()).isEqualTo(Status.CRITICAL);
        assertThat(nodes.summary()).isEqualTo("1 of 2 nodes online");
        assertThat(nodes.details()).containsExactly("pve2: offline");
        assertThat(r.exitCode().code()).isEqualTo(1);
        assertThat(r.nagiosExitCode().code()).isEqualTo(2);
        assertThat(HealthView.nagios(r).get(0)).startsWith("PROXMOX CRITICAL - nodes: 1 of 2 nodes online");
    }

    @Test
    void aNodeListedOnlineThatDoesNotAnswerIsCritical() {
        HealthInputs in = healthy();
        Check nodes = checks.nodes(with(in, in.clusterStatus(), in.resources(), in.tasks(),
                Map.of("pve2", "the cluster could not reach the target node (595)")));
        assertThat(nodes.status()).isEqualTo(Status.CRITICAL);
        assertThat(nodes.details().get(0)).startsWith("pve2: listed online but does not answer");
    }

    @Test
    void lostQuorumIsCritical() {
        HealthInputs in = healthy();
        List<Map<String, Object>> status = new ArrayList<>(in.clusterStatus());
        status.set(0, Map.of("type", "cluster", "name", "demo", "quorate", 0));
        assertThat(checks.quorum(with(in, status, in.resources(), in.tasks(), Map.of())).status()).isEqualTo(Status.CRITICAL);
    }

    @Test
    void storageAboveTheThresholdsWarnsThenIsCritical() {
        HealthInputs in = healthy();
        Check warn = checks.storage(with(in, in.clusterStatus(), List.of(storage("local-lvm", "pve1", 85, 100)), in.tasks(), Map.of()));
        assertThat(warn.status()).isEqualTo(Status.WARNING);
        assertThat(warn.details()).containsExactly("local-lvm on pve1: 85.0% used (85B of 100B)");
        Check crit = checks.storage(with(in, in.clusterStatus(), List.of(storage("local-lvm", "pve1", 95, 100)), in.tasks(), Map.of()));
        assertThat(crit.status()).isEqualTo(Status.CRITICAL);
    }

    @Test
    void haErrorIsCriticalAndRecoveryAWarning() {
        HealthInputs in = healthy();
        assertThat(checks.ha(with(in, in.clusterStatus(), List.of(guest(100, "error")), in.tasks(), Map.of())).status())
                .isEqualTo(Status.CRITICAL);
        assertThat(checks.ha(with(in, in.clusterStatus(), List.of(guest(100, "recovery")), in.tasks(), Map.of())).status())
                .isEqualTo(Status.WARNING);
    }

    @Test
    void aFailedTaskOfTheLastDayWarnsAnOlderOneDoesNot() {
        HealthInputs in = healthy();
        Map<String, Object> failed = Map.of("type", "qmstart", "id", "100", "node", "pve1", "user", "root@pam",
                "status", "start failed: timeout", "endtime", NOW - 600);
        Map<String, Object> old = Map.of("type", "qmstart", "id", "100", "node", "pve1", "user", "root@pam",
                "status", "error", "endtime", NOW - 2 * DAY);
        Check c = checks.tasks(with(in, in.clusterStatus(), in.resources(), List.of(failed, old), Map.of()));
        assertThat(c.status()).isEqualTo(Status.WARNING);
        assertThat(c.details()).containsExactly("qmstart 100 on pve1 by root@pam: start failed: timeout");
        HealthReport r = HealthReport.of(List.of(c));
        assertThat(r.exitCode()).as("warnings keep exit 0").isEqualTo(ExitCode.OK);
        assertThat(r.nagiosExitCode().code()).isEqualTo(1);
    }

    @Test
    void backupsNeverTakenOrTooOldWarnAndAMissingJobListIsSkippedWithItsReason() {
        HealthInputs in = new HealthInputs(NOW, healthy().clusterStatus(),
                List.of(guest(100, ""), guest(101, ""), guest(102, "")), List.of(), Map.of(100, NOW - 3 * DAY, 101, NOW - 3600),
                List.of(), Optional.empty(), "not implemented by this server", Map.of(), Map.of());
        Check c = new BackupCheck(HealthLimits.from(new Settings(Map.of()))).run(in);
        assertThat(c.status()).isEqualTo(Status.WARNING);
        assertThat(c.summary()).isEqualTo("2 of 3 guests without a recent backup");
        assertThat(c.details()).containsExactly("never backed up: 102 vm102", "last backup older than 48 h: 100 vm100 (72 h ago)",
                "skipped: not implemented by this server");
    }

    @Test
    void guestsInNoBackupJobAreNamed() {
        HealthInputs base = healthy();
        HealthInputs in = new HealthInputs(NOW, base.clusterStatus(), base.resources(), base.tasks(), base.lastBackup(),
                List.of(), Optional.of(List.of(101)), "", base.certificates(), Map.of());
        Check c = new BackupCheck(HealthLimits.from(new Settings(Map.of()))).run(in);
        assertThat(c.status()).isEqualTo(Status.WARNING);
        assertThat(c.details()).containsExactly("in no backup job: 101 vm101");
    }

    @Test
    void certificatesNearExpiryWarnAndExpiredOnesAreCritical() {
        HealthInputs base = healthy();
        HealthInputs in = new HealthInputs(NOW, base.clusterStatus(), base.resources(), base.tasks(), base.lastBackup(),
                List.of(), Optional.of(List.of()), "", Map.of("pve1", List.of(Map.of("filename", "pve-ssl.pem", "notafter", NOW + 20 * DAY)),
                "pve2", List.of(Map.of("filename", "pveproxy-ssl.pem", "notafter", NOW - 2 * DAY))), Map.of());
        Check c = checks.certificates(in);
        assertThat(c.status()).isEqualTo(Status.CRITICAL);
        assertThat(c.details()).containsExactly("pve-ssl.pem on pve1: expires in 20 days", "pveproxy-ssl.pem on pve2: expired 2 days ago");
    }

    @Test
    void thresholdsComeFromConfig() {
        HealthLimits l = HealthLimits.from(new Settings(Map.of("health", Map.of("storage_warn_percent", 50,
                "backup_max_age_hours", "12"))).section("health"));
        assertThat(l.storageWarn()).isEqualTo(0.5);
        assertThat(l.backupMaxAge().toHours()).isEqualTo(12);
        assertThat(l.storageCritical()).isEqualTo(0.9);
    }

    @Test
    void aSaturatedGuestIsAWarningButAVmsHostViewOfMemoryIsNot() {
        HealthInputs base = healthy();
        Map<String, Object> saturated = new HashMap<>(guest(104, ""));
        saturated.putAll(Map.of("name", "app-01", "cpu", 0.95, "mem", 8.0e9, "maxmem", 8.5e9, "memhost", 8.4e9));
        Map<String, Object> windows = new HashMap<>(guest(109, ""));
        windows.putAll(Map.of("name", "win-dc-01", "cpu", 0.1, "mem", 8.4e9, "maxmem", 8.5e9, "memhost", 8.4e9));
        Check c = new GuestLoadCheck(HealthLimits.from(new Settings(Map.of())))
                .run(with(base, base.clusterStatus(), List.of(saturated, windows), base.tasks(), Map.of()));
        assertThat(c.status()).isEqualTo(Status.WARNING);
        assertThat(c.details()).as("memory at 94.1% is below 95%; the Windows VM's 98.8% is the host's view")
                .containsExactly("104 app-01 on pve1: CPU 95.0% (see /rightsize)");
        assertThat(HealthReport.of(List.of(c)).exitCode()).isEqualTo(ExitCode.OK);
    }
}
