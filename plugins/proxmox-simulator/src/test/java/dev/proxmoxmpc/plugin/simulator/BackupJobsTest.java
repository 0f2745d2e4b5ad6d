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
}
