package dev.proxmoxmpc.e2e.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proxmoxmpc.e2e.Product;
import dev.proxmoxmpc.plugin.simulator.SimulatorOptions;
import dev.proxmoxmpc.plugin.simulator.SimulatorServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two members of a team, each with a project directory of their own, share one PostgreSQL state (the server of
 * {@code MPC_PG_URL}, as {@code .ci/run} starts it): the second joins with the same /init flags, sees the first's
 * desired state, and when both launchers race /apply against the simulator one applies while the other fails naming
 * the holder; every guest is created exactly once.
 */
class TeamStateIT {
    private static final int VMS = 3;
    @TempDir
    Path tmp;
    String url = System.getenv("MPC_PG_URL");
    String user = System.getenv().getOrDefault("MPC_PG_USER", "");
    String password = System.getenv().getOrDefault("MPC_PG_PASSWORD", "");
    String schema = "mpc_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);

    @BeforeEach
    void postgres() {
        if (url == null || url.isBlank()) {
            String reason = "the team state test needs MPC_PG_URL, MPC_PG_USER and MPC_PG_PASSWORD (.ci/run sets them)";
            if ("1".equals(System.getenv("MPC_REQUIRE_EXTERNAL"))) {
                fail(reason + " (MPC_REQUIRE_EXTERNAL=1)");
            }
            Assumptions.abort(reason);
        }
    }

    @AfterEach
    void dropSchema() throws Exception {
        if (url != null && !url.isBlank()) {
            try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }

    private SyncProject member(Product product, SimulatorServer sim, String name) {
        Path dir = tmp.resolve(name);
        Product.Run init = product.run(dir, "init", "--host", "127.0.0.1", "--port", Integer.toString(sim.port()),
                "--token-id", sim.tokenId(), "--token-secret-env", "PROXMOX_MPC_DEFAULT_SECRET", "--fingerprint",
                sim.fingerprint(), "--state", "postgresql", "--state-url", url, "--state-user", user,
                "--state-password-env", "TEAM_PG_PASSWORD", "--state-schema", schema);
        assertThat(init.exitCode()).as(init.all()).isZero();
        assertThat(dir.resolve(".proxmox/state.db")).doesNotExist();
        return SyncProject.at(dir, product);
    }

    @Test
    void twoLaunchersRacingApplyOnOneStateApplyEachChangeOnce() throws Exception {
        SimulatorOptions options = SimulatorOptions.builder().scenario("demo").port(0).taskDurationMs(100).build();
        try (SimulatorServer sim = SimulatorServer.start(options)) {
            Product product = Product.inHome(tmp.resolve("home")).env("PROXMOX_MPC_DEFAULT_SECRET", sim.tokenSecret())
                    .env("TEAM_PG_PASSWORD", password);
            SyncProject alice = member(product, sim, "alice");
            alice.ok("sync");
            for (int i = 1; i <= VMS; i++) {
                alice.ok("create", "vm", "--name", "race-" + i, "--cores", "1", "--memory", "512", "--storage",
                        "local-lvm", "--disk", "1G");
            }
            SyncProject bob = member(product, sim, "bob");
            assertThat(bob.run("--detailed-exitcode", "plan").exitCode()).as("bob sees alice's desired state").isEqualTo(3);
            int before = sim.guestCount();

            sim.faults().holdTasks(); // whoever gets the lock stays inside /apply until released
            Process a = alice.product.start(alice.dir, tmp.resolve("alice.out"), "apply", "--yes");
            Process b = bob.product.start(bob.dir, tmp.resolve("bob.out"), "apply", "--yes");
            Process loser = firstToExit(a, b);
            Process winner = loser == a ? b : a;
            String loserOut = output(loser == a ? "alice" : "bob");
            assertThat(loser.exitValue()).as(loserOut).isEqualTo(1);
            assertThat(loserOut).contains("the apply lock is held by").contains("running /apply (pid ")
                    .doesNotContain("Exception");
            assertThat(winner.isAlive()).as("the winner is still applying").isTrue();

            sim.faults().releaseTasks();
            assertThat(winner.waitFor(240, TimeUnit.SECONDS)).isTrue();
            assertThat(winner.exitValue()).as(output(winner == a ? "alice" : "bob")).isZero();
            assertThat(sim.guestCount()).as("each VM created exactly once").isEqualTo(before + VMS);
            assertThat(names(sim)).filteredOn(n -> n.startsWith("race-")).containsExactlyInAnyOrder("race-1", "race-2", "race-3");

            // The loser, run again, finds nothing left to do.
            SyncProject late = loser == a ? alice : bob;
            Product.Run again = late.ok("apply", "--yes");
            assertThat(sim.guestCount()).as(again.all()).isEqualTo(before + VMS);
            JsonNode info = late.json("--json", "state", "info");
            assertThat(info.get("backend").asText()).isEqualTo("postgresql");
            assertThat(info.get("schema").asText()).isEqualTo(schema);
            assertThat(info.get("locks")).as("no lock left behind").isEmpty();
        }
    }

    private static List<String> names(SimulatorServer sim) throws Exception {
        List<String> out = new ArrayList<>();
        for (JsonNode r : new SimulatorApi(sim).get("/cluster/resources")) {
            if (r.has("vmid") && r.has("name")) {
                out.add(r.get("name").asText());
            }
        }
        return out;
    }

    private String output(String who) throws Exception {
        return Files.readString(tmp.resolve(who + ".out")) + Files.readString(tmp.resolve(who + ".out.err"));
    }

    private static Process firstToExit(Process a, Process b) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(240));
        while (a.isAlive() && b.isAlive()) {
            if (Instant.now().isAfter(deadline)) {
                a.descendants().forEach(ProcessHandle::destroyForcibly);
                b.descendants().forEach(ProcessHandle::destroyForcibly);
                a.destroyForcibly();
                b.destroyForcibly();
                throw new AssertionError("neither /apply finished: both hold the apply lock?");
            }
            Thread.sleep(50);
        }
        return a.isAlive() ? b : a;
    }
}
