package dev.proxmoxmpc.e2e.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proxmoxmpc.e2e.Product;
import dev.proxmoxmpc.plugin.simulator.SimulatorOptions;
import dev.proxmoxmpc.plugin.simulator.SimulatorServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of the real launcher during an /apply of 5 creates: the next /plan adopts what the dead process created,
 * names its task still running on the server and plans around it; /apply waits for it and creates only the rest;
 * the next /sync reports no drift and no conflict.
 */
class CrashRecoveryIT {
    @TempDir
    Path tmp;

    @Test
    void aKilledApplyIsReconciledOnTheNextRun() throws Exception {
        SimulatorOptions options = SimulatorOptions.builder().scenario("demo").port(0).taskDurationMs(200).build();
        try (SimulatorServer sim = SimulatorServer.start(options)) {
            SyncProject p = SyncProject.init(tmp, sim);
            SimulatorApi api = new SimulatorApi(sim);
            p.ok("sync");
            for (int i = 1; i <= 5; i++) {
                p.ok("create", "vm", "--name", "kill-" + i, "--cores", "1", "--memory", "512", "--storage", "local-lvm",
                        "--disk", "1G");
            }
            int before = sim.guestCount();
            Process apply = p.product.start(p.dir, tmp.resolve("apply.out"), "apply", "--yes", "--parallelism", "1");
            waitFor(() -> sim.guestCount() >= before + 2, "two guests created by the apply");
            sim.faults().holdTasks(); // the create under way (or the next one) stays running on the server
            waitFor(() -> runningTasks(api) > 0, "a task of the apply running on the server");
            apply.descendants().forEach(ProcessHandle::destroyForcibly); // kill -9 the JVM and its launcher script
            apply.destroyForcibly();
            assertThat(apply.waitFor(30, TimeUnit.SECONDS)).isTrue();
            int created = sim.guestCount() - before;
            assertThat(created).as("the apply was killed halfway").isBetween(2, 4);

            Product.Run plan = p.run("--detailed-exitcode", "plan");
            assertThat(plan.exitCode()).as(plan.all()).isIn(0, 3);
            assertThat(plan.all()).contains("adopted vm/").contains("still running on the server from an interrupted /apply: UPID:")
                    .contains("planned around VMID").doesNotContain("was taken on the server").doesNotContain("Exception");

            sim.faults().releaseTasks();
            Product.Run rerun = p.run("apply", "--yes");
            assertThat(rerun.exitCode()).as(rerun.all()).isZero();
            assertThat(sim.guestCount()).as("each of the 5 created exactly once").isEqualTo(before + 5);
            Product.Run sync = p.ok("sync");
            assertThat(sync.stdout()).contains("Drift: None", "Conflicts: None", "Pending changes: none");
            assertThat(p.run("--detailed-exitcode", "plan").exitCode()).isZero();
            assertThat(Files.readString(tmp.resolve("apply.out.err"))).doesNotContain("Exception");
            Path log = tmp.resolve("home/.proxmox-mpc/logs/proxmox-mpc.log");
            assertThat(log).exists();
            assertThat(Files.readString(log)).as("no Flyway stack trace per command")
                    .doesNotContain("Error while closing database Connection");
        }
    }

    private static int runningTasks(SimulatorApi api) {
        try {
            int n = 0;
            for (JsonNode t : api.get("/cluster/tasks")) {
                if (!t.has("endtime") && !t.has("status")) {
                    n++;
                }
            }
            return n;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier done, String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (!done.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }
}
