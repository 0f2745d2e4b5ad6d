package dev.proxmoxmpc.e2e.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.proxmoxmpc.e2e.Product;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * First run, the way a newcomer does it: {@code proxmox-mpc demo} on a terminal, then Tab, commands and Ctrl-D at
 * the console it leaves open; and {@code demo --batch} as a script would run it.
 */
class DemoConsoleIT {
    private static final Duration STEP = Duration.ofSeconds(120);

    @TempDir
    Path tmp;

    @Test
    void demoLeavesAConnectedConsoleWithProgressTabCompletionOfVmidsAndIsosAndStatus() throws Exception {
        boolean required = "1".equals(System.getenv("MPC_REQUIRE_EXTERNAL"));
        assumeTrue(PseudoTerminal.available() || required, "script(1) from util-linux is not installed: no pseudo-terminal");
        Path work = tmp.resolve("work");
        try (PseudoTerminal term = PseudoTerminal.start(work, tmp.resolve("home"), "demo")) {
            term.await("Started the Proxmox VE simulator", STEP)
                    .await("Found 3 nodes, 12 VMs, 5 containers", STEP)
                    .await("proxmox-mpc> list vms", STEP)
                    .await("Try next:", STEP)
                    .await("The simulator runs while this console is open", STEP)
                    .await("proxmox-mpc>", STEP);
            assertThat(term.linesMatching("Discovering \\[[#-]+\\] \\d+/\\d+ \\d+%"))
                    .as("a progress bar with counts while discovering").isNotEmpty();

            term.type("create vm --name pty-test --vmid 4242 --memory 512\n")
                    .await("Desired: new vm 4242 pty-test", STEP).await("proxmox-mpc>", STEP);
            term.type("describe vm 42\t").await("describe vm 4242", STEP); // Tab completed the VMID
            term.type("\n").await("vm 4242 pty-test on pve1", STEP).await("proxmox-mpc>", STEP);

            term.type("describe vm 11\t\t").await("110", STEP).await("111", STEP); // both candidates listed
            term.type("\u0015\n").await("proxmox-mpc>", STEP); // Ctrl-U drops the line

            // the ISO list comes from the server once, then from .proxmox/cache/default/
            term.type("create vm --name pty-iso --memory 512 --iso local:iso/ub\t")
                    .await("--iso local:iso/ubuntu-24.04.1-live-server-amd64.iso", STEP);
            term.type("\n").await("Desired: new vm", STEP).await("proxmox-mpc>", STEP);

            term.type("/status\n").await("Environment: default; last sync:", STEP)
                    .await("Pending changes: 2", STEP).await("proxmox-mpc>", STEP);
            term.type("\u0004");
            assertThat(term.waitFor(STEP)).as("Ctrl-D leaves the console; the simulator stops with it").isZero();
        }
        Path project = work.resolve("proxmox-demo");
        assertThat(project.resolve(".proxmox/config.yml")).isRegularFile();
        assertThat(project.resolve("terraform/vms/pty_test.tf")).isRegularFile();
        assertThat(Files.readString(project.resolve(".proxmox/config.yml"))).contains("127.0.0.1").contains("fingerprint")
                .doesNotContain("secret:");
        assertThat(Files.readString(tmp.resolve("home/.proxmox-mpc/history"))).contains("describe vm 4242");
        assertThat(project.resolve(".proxmox/cache/default/nodes_pve1_storage_local_content@content=iso.json"))
                .content().contains("ubuntu-24.04.1-live-server-amd64.iso");
    }

    @Test
    void demoBatchRunsTheWholeTourAndARerunReplacesOnlyADemoProject() throws Exception {
        Product product = Product.inHome(tmp.resolve("home"));
        Path work = tmp.resolve("work");
        Product.Run run = product.run(work, "demo", "--batch");
        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.stdout()).contains("Connected to Proxmox VE", "Found 3 nodes, 12 VMs, 5 containers",
                "proxmox-mpc> /plan", "Plan: 0 to create, 1 to update", "Apply complete: 1 change done", "Tour done.");
        assertThat(run.stdout().lastIndexOf("Pending changes: none")).as("in step after the apply")
                .isGreaterThan(run.stdout().indexOf("Apply complete"));
        Path project = work.resolve("proxmox-demo");
        assertThat(project.resolve(".proxmox/demo-project")).isRegularFile();
        assertThat(project.resolve(".proxmox/secrets.yml")).isRegularFile();

        Path keep = project.resolve("terraform/my-notes.txt");
        Files.writeString(keep, "scratch");
        Product.Run again = product.run(work, "demo", "--batch");
        assertThat(again.exitCode()).as(again.all()).isZero();
        assertThat(again.stdout()).contains("Replacing the earlier demo project");
        assertThat(keep).doesNotExist();

        Path mine = work.resolve("mine");
        Files.createDirectories(mine);
        Files.writeString(mine.resolve("important.txt"), "do not touch");
        Product.Run refused = product.run(work, "demo", "mine", "--batch");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.stderr().strip()).startsWith("error: ").contains("is not an earlier demo project").doesNotContain("\n");
        assertThat(mine.resolve("important.txt")).hasContent("do not touch");
        assertThat(mine.resolve(".proxmox")).doesNotExist();
    }
}
