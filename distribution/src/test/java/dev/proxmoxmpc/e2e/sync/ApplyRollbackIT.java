package dev.proxmoxmpc.e2e.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proxmoxmpc.e2e.Product;
import dev.proxmoxmpc.plugin.simulator.SimulatorOptions;
import dev.proxmoxmpc.plugin.simulator.SimulatorServer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Apply interrupted by a failing server task, then run again: it converges, loses nothing and does nothing twice.
 * Rollback returns the server to a snapshot.
 */
class ApplyRollbackIT {
    /** Running demo VMs and their nodes. */
    private static final Map<Integer, String> VMS = Map.of(102, "pve1", 103, "pve3", 104, "pve2");

    @Test
    void interruptedApplyResumesAndRollbackReturnsTheServerToASnapshot(@TempDir Path tmp) throws Exception {
        try (SimulatorServer sim = SimulatorServer.start(SimulatorOptions.builder().scenario("demo").port(0).build())) {
            SimulatorApi api = new SimulatorApi(sim);
            SyncProject p = SyncProject.init(tmp, sim);
            String allRunning = SyncProject.snapshotOf(p.ok("sync"));

            for (Map.Entry<Integer, String> vm : VMS.entrySet()) {
                api.task("POST", "/nodes/" + vm.getValue() + "/qemu/" + vm.getKey() + "/status/stop", Map.of());
            }
            Product.Run drift = p.ok("sync");
            assertThat(drift.all()).contains("vm/102 db-01: status running -> stopped", "(qmstop)");
            String threeStopped = SyncProject.snapshotOf(drift);

            sim.faults().failNextTask("103", "simulated start failure");
            Product.Run interrupted = p.run("rollback", allRunning, "--yes", "--parallelism", "1");
            assertThat(interrupted.exitCode()).as(interrupted.all()).isEqualTo(1);
            assertThat(interrupted.all()).contains("Plan back to snapshot " + allRunning, "apply stopped after 1 of 3 changes",
                    "simulated start failure", "run /apply again");
            assertThat(api.status("pve1", 102)).isEqualTo("running");
            assertThat(api.status("pve3", 103)).isEqualTo("stopped");
            assertThat(api.status("pve2", 104)).isEqualTo("stopped");

            Product.Run resumed = p.ok("apply", "--yes");
            assertThat(resumed.all()).contains("start vm/103", "start vm/104").doesNotContain("start vm/102");
            for (Map.Entry<Integer, String> vm : VMS.entrySet()) {
                assertThat(api.status(vm.getValue(), vm.getKey())).as("vm %d", vm.getKey()).isEqualTo("running");
                assertThat(api.okTasks("qmstart", vm.getKey())).as("successful starts of %d", vm.getKey()).isEqualTo(1);
            }
            Product.Run plan = p.run("--detailed-exitcode", "plan");
            assertThat(plan.exitCode()).as(plan.all()).isZero();

            p.ok("rollback", threeStopped, "--yes");
            for (Map.Entry<Integer, String> vm : VMS.entrySet()) {
                assertThat(api.status(vm.getValue(), vm.getKey())).as("vm %d", vm.getKey()).isEqualTo("stopped");
            }
            assertThat(p.run("--detailed-exitcode", "plan").exitCode()).isZero();
        }
    }

    @Test
    void rollbackPutsAConfigBackAndRollbackGuestsRestoresTheGuestSnapshot(@TempDir Path tmp) throws Exception {
        try (SimulatorServer sim = SimulatorServer.start(SimulatorOptions.builder().scenario("demo").port(0).build())) {
            SimulatorApi api = new SimulatorApi(sim);
            SyncProject p = SyncProject.init(tmp, sim);
            String before = SyncProject.snapshotOf(p.ok("sync"));
            api.send("PUT", "/nodes/pve1/qemu/100/config", Map.of("memory", "8192"));
            String synced = SyncProject.snapshotOf(p.ok("sync"));
            assertThat(api.config("pve1", 100).path("memory").asText()).isEqualTo("8192");

            Product.Run declined = p.run("rollback", before);
            assertThat(declined.exitCode()).as(declined.all()).isEqualTo(1);
            assertThat(declined.all()).contains("~ vm/100 web-01", "memory: 8192 -> 4096", "cancelled");
            assertThat(api.config("pve1", 100).path("memory").asText()).isEqualTo("8192");

            Product.Run applied = p.ok("rollback", before, "--yes", "--snapshot-guests");
            assertThat(applied.all()).contains("Apply complete");
            assertThat(api.config("pve1", 100).path("memory").asText()).isEqualTo("4096");
            assertThat(api.get("/nodes/pve1/qemu/100/snapshot").toString()).contains("mpc");
            assertThat(p.run("--detailed-exitcode", "plan").exitCode()).isZero();

            Product.Run disks = p.ok("rollback", synced, "--guests", "--yes");
            assertThat(disks.all()).contains("roll back vm/100 web-01 to its snapshot mpc");
            assertThat(api.config("pve1", 100).path("memory").asText()).isEqualTo("8192");
            assertThat(api.status("pve1", 100)).isEqualTo("running");
            assertThat(p.run("--detailed-exitcode", "plan").exitCode()).isZero();
        }
    }
}
