package dev.proxmoxmpc.plugin.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /cluster/replication}: jobs of guests on local ZFS, PVE's refusals, removal by the replication runner. */
class ReplicationTest {
    static final String SCENARIO = """
            nodes:
              - {name: pve1, interfaces: [{iface: vmbr0, type: bridge, cidr: 192.0.2.11/24}]}
              - {name: pve2, interfaces: [{iface: vmbr0, type: bridge, cidr: 192.0.2.12/24}]}
            storages:
              - {id: local-zfs, type: zfspool, content: "images,rootdir", props: {pool: rpool/data}}
              - {id: local-lvm, type: lvmthin, content: "images,rootdir", props: {vgname: pve, thinpool: data}}
            vms:
              - {vmid: 100, node: pve1, status: running, config: {name: zfs-vm, scsi0: "local-zfs:8", ide2: "none,media=cdrom"}}
              - {vmid: 101, node: pve1, status: running, config: {name: lvm-vm, scsi0: "local-lvm:8"}}
            containers:
              - {vmid: 200, node: pve2, status: running, config: {hostname: zfs-ct, rootfs: "local-zfs:4"}}
            """;

    @Test
    void createsReadsUpdatesAndRemovesAJob(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("zfs.yml");
        Files.writeString(file, SCENARIO + "replicationJobs: [{id: 200-0, target: pve1, schedule: '*/30'}]\n");
        try (SimulatorServer server = SimulatorServer.start(SimulatorOptions.builder().scenarioFile(file).taskDurationMs(20).build())) {
            PveHttp http = new PveHttp(server);
            assertThat(http.post("/cluster/replication", PveHttp.form("id", "100-0", "type", "local", "target", "pve2",
                    "rate", "10", "comment", "to pve2")).status()).isEqualTo(200);
            JsonNode jobs = http.get("/cluster/replication").data();
            assertThat(jobs.findValuesAsText("id")).containsExactly("100-0", "200-0");
            JsonNode job = jobs.get(0);
            assertThat(job.get("guest").asInt()).isEqualTo(100);
            assertThat(job.get("jobnum").asInt()).isZero();
            assertThat(job.get("type").asText()).isEqualTo("local");
            assertThat(job.get("source").asText()).as("the node the guest was on").isEqualTo("pve1");
            assertThat(job.has("schedule")).as("the default */15 is not written").isFalse();
            assertThat(http.get("/cluster/replication/100-0").data().get("digest").asText()).hasSize(40);

            assertThat(http.put("/cluster/replication/100-0", PveHttp.form("schedule", "*/5", "delete", "rate")).status()).isEqualTo(200);
            job = http.get("/cluster/replication/100-0").data();
            assertThat(job.get("schedule").asText()).isEqualTo("*/5");
            assertThat(job.has("rate")).isFalse();

            assertThat(http.delete("/cluster/replication/100-0").status()).isEqualTo(200);
            assertThat(http.get("/cluster/replication/100-0").data().get("remove_job").asText()).isEqualTo("full");
            assertThat(http.delete("/cluster/replication/200-0?force=1").status()).isEqualTo(200);
            assertThat(http.get("/cluster/replication").data().findValuesAsText("id")).doesNotContain("200-0");
        }
    }

    @Test
    void refusesWhatPveRefuses(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("zfs.yml");
        Files.writeString(file, SCENARIO);
        try (SimulatorServer server = SimulatorServer.start(SimulatorOptions.builder().scenarioFile(file).build())) {
            PveHttp http = new PveHttp(server);
            assertThat(create(http, "101-0", "pve2").message()).isEqualTo("missing replicate feature on volume 'local-lvm:vm-101-disk-0'\n");
            assertThat(create(http, "100-0", "pve1").message()).isEqualTo("Source and target must not be identical\n");
            assertThat(create(http, "999-0", "pve2").message()).isEqualTo("Guest '999' does not exist.\n");
            assertThat(create(http, "100-0", "pve7").message()).isEqualTo("Target 'pve7' does not exist.\n");
            assertThat(create(http, "100", "pve2").status()).isEqualTo(400);
            assertThat(create(http, "100-0", "pve2").status()).isEqualTo(200);
            assertThat(create(http, "100-0", "pve2").message()).contains("replication job '100-0' already exists");
            assertThat(http.put("/cluster/replication/100-9", PveHttp.form("schedule", "*/5")).message()).contains("no such job '100-9'");
        }
        Path bad = dir.resolve("bad.yml");
        Files.writeString(bad, SCENARIO + "replicationJobs: [{id: 101-0, target: pve2}]\n");
        assertThatThrownBy(() -> SimulatorServer.start(SimulatorOptions.builder().scenarioFile(bad).build()))
                .hasMessageContaining("replication job 101-0: missing replicate feature");
    }

    private static PveHttp.Response create(PveHttp http, String id, String target) {
        return http.post("/cluster/replication", PveHttp.form("id", id, "type", "local", "target", target));
    }
}
