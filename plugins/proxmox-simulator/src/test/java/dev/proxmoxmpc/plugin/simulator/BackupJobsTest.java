package dev.proxmoxmpc.plugin.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code GET /cluster/backup} and {@code GET /cluster/backup-info/not-backed-up} over the demo's backup jobs. */
class BackupJobsTest {
    private final SimulatorServer server = SimulatorServer.start(SimulatorOptions.builder().scenario("demo").taskDurationMs(20).build());
    private final PveHttp http = new PveHttp(server);

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void theDemoHasTwoScheduledJobsInPvesShape() {
        JsonNode jobs = http.get("/cluster/backup").data();
        assertThat(jobs.findValuesAsText("id")).containsExactly("backup-8c1d5f3a-7e21", "backup-2f94b6e0-31ac");
        JsonNode nightly = jobs.get(0);
        assertThat(nightly.get("type").asText()).isEqualTo("vzdump");
        assertThat(nightly.get("enabled").isInt()).as("booleans are 0/1 integers").isTrue();
        assertThat(nightly.get("schedule").asText()).isEqualTo("21:00");
        assertThat(nightly.get("pool").asText()).isEqualTo("production");
        assertThat(nightly.get("next-run").asLong()).isGreaterThan(0);
        assertThat(http.get("/cluster/backup/backup-2f94b6e0-31ac").data().get("vmid").asText()).startsWith("106,");
    }

    @Test
    void onlyTheTemplatesAreInNoJob() {
        List<String> rows = new ArrayList<>();
        for (JsonNode r : http.get("/cluster/backup-info/not-backed-up").data()) {
            rows.add(r.get("vmid").asInt() + " " + r.get("type").asText() + " " + r.get("name").asText());
        }
        assertThat(rows).containsExactly("9000 qemu debian-12-cloud", "9001 qemu ubuntu-2404-cloud");
    }

    @Test
    void aGuestLeavingThePoolIsNoLongerBackedUp() {
        http.put("/pools", PveHttp.form("poolid", "production", "vms", "100", "delete", 1));
        assertThat(http.get("/cluster/backup-info/not-backed-up").data().findValuesAsText("name")).contains("web-01");
    }

    @Test
    void readingNeedsSysAudit() {
        PveHttp noAccess = new PveHttp(server).token(server.faults().tokenWithoutPrivileges());
        assertThat(noAccess.get("/cluster/backup").status()).isEqualTo(403);
        assertThat(noAccess.get("/cluster/backup-info/not-backed-up").message()).contains("Sys.Audit");
    }

    @Test
    void createsUpdatesAndDeletesAJobAsJobsCfgDoes() {
        assertThat(http.post("/cluster/backup", PveHttp.form("id", "weekly-dns", "schedule", "sun 03:00", "storage", "local",
                "vmid", "200,201", "mode", "snapshot")).status()).isEqualTo(200);
        JsonNode job = http.get("/cluster/backup/weekly-dns").data();
        assertThat(job.get("type").asText()).isEqualTo("vzdump");
        assertThat(job.get("enabled").asText()).isEqualTo("1");
        assertThat(http.put("/cluster/backup/weekly-dns", PveHttp.form("schedule", "sun 04:00", "comment", "DNS",
                "delete", "mode")).status()).isEqualTo(200);
        job = http.get("/cluster/backup/weekly-dns").data();
        assertThat(job.get("schedule").asText()).isEqualTo("sun 04:00");
        assertThat(job.has("mode")).isFalse();
        assertThat(http.put("/cluster/backup/weekly-dns", PveHttp.form("all", "1")).status()).isEqualTo(200);
        assertThat(http.get("/cluster/backup/weekly-dns").data().has("vmid")).as("all replaces vmid").isFalse();
        assertThat(http.delete("/cluster/backup/weekly-dns").status()).isEqualTo(200);
        assertThat(http.get("/cluster/backup").data().findValuesAsText("id")).doesNotContain("weekly-dns");
    }

    @Test
    void aJobWithoutIdGetsAGeneratedOne() {
        assertThat(http.post("/cluster/backup", PveHttp.form("schedule", "22:00", "all", "1")).status()).isEqualTo(200);
        List<String> ids = http.get("/cluster/backup").data().findValuesAsText("id");
        assertThat(ids).hasSize(3);
        assertThat(ids.get(2)).matches("backup-[0-9a-f]{8}-[0-9a-f]{4}");
    }

    @Test
    void refusesWhatPveRefuses() {
        assertThat(http.post("/cluster/backup", PveHttp.form("id", "x", "schedule", "22:00")).json().path("errors").path("vmid").asText())
                .isEqualTo("property is missing");
        assertThat(http.post("/cluster/backup", PveHttp.form("id", "x", "schedule", "22:00", "all", "1", "vmid", "100"))
                .json().path("errors").path("all").asText()).isEqualTo("option conflicts with option 'vmid'");
        assertThat(http.post("/cluster/backup", PveHttp.form("id", "backup-8c1d5f3a-7e21", "schedule", "22:00", "all", "1"))
                .message()).contains("already exists");
        assertThat(http.put("/cluster/backup/nope", PveHttp.form("schedule", "22:00")).message()).contains("no such vzdump job");
        assertThat(http.put("/cluster/backup/backup-8c1d5f3a-7e21", PveHttp.form("delete", "nonsense")).status()).isEqualTo(400);
        PveHttp auditor = new PveHttp(server).token(server.addToken("root@pam", "audit", java.util.Set.of("Sys.Audit")));
        assertThat(auditor.delete("/cluster/backup/backup-8c1d5f3a-7e21").message()).isEqualTo("Permission check failed (/, Sys.Modify)\n");
    }
}
