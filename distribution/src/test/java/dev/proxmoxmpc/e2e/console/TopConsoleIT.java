package dev.proxmoxmpc.e2e.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code top} full screen on a real pseudo-terminal: from the console the demo leaves open, it takes the alternate
 * screen, redraws nodes and guests, changes its sort on a key, and gives the terminal back to the prompt on q.
 */
class TopConsoleIT {
    private static final Duration STEP = Duration.ofSeconds(120);

    @TempDir
    Path tmp;

    @Test
    void topTakesTheScreenRefreshesAndQuitsOnQ() throws Exception {
        boolean required = "1".equals(System.getenv("MPC_REQUIRE_EXTERNAL"));
        assumeTrue(PseudoTerminal.available() || required, "script(1) from util-linux is not installed: no pseudo-terminal");
        try (PseudoTerminal term = PseudoTerminal.start(tmp.resolve("work"), tmp.resolve("home"), "demo")) {
            term.await("The simulator runs while this console is open", STEP).await("proxmox-mpc>", STEP);
            term.type("top --interval 1\n")
                    .await("proxmox-mpc top: reading the cluster", STEP)
                    .await("sorted by cpu", STEP).await("NODE", STEP).await("pve3", STEP).await("app-01", STEP)
                    .await("q quit", STEP);
            assertThat(term.raw()).as("the alternate screen (smcup)").contains("\u001B[?1049h");
            term.type("m").await("sorted by mem", STEP).await("q quit", STEP);
            term.type("q").await("proxmox-mpc>", STEP);
            assertThat(term.raw()).as("the screen given back (rmcup)").contains("\u001B[?1049l");
            term.type("\u0004");
            assertThat(term.waitFor(STEP)).as("Ctrl-D leaves the console").isZero();
        }
    }
}
