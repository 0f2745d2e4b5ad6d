package dev.proxmoxmpc.e2e.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where things land on a real pseudo-terminal ({@code script(1)}), read off a model of the screen ({@link ScreenModel}):
 * the first prompt below the demo's tour (also on a terminal an earlier program left with a scroll region), the status
 * bar taken away on Ctrl-D and on SIGTERM, Ctrl-C just as /sync ends, describe's columns, and the node list hint.
 */
class ConsoleScreenIT {
    private static final Duration STEP = Duration.ofSeconds(120);
    private static final String BAR = "| env default | synced";
    /** What an earlier console killed with its bar showing leaves: a scroll region without the bottom row. */
    private static final String STALE_REGION = "printf '\\033[1;" + (PseudoTerminal.ROWS - 1) + "r\\033["
            + (PseudoTerminal.ROWS - 1) + ";1H'";

    @TempDir
    Path tmp;

    @BeforeEach
    void needsAPseudoTerminal() {
        boolean required = "1".equals(System.getenv("MPC_REQUIRE_EXTERNAL"));
        if (!PseudoTerminal.available() && !required) {
            System.out.println("ConsoleScreenIT skipped: script(1) from util-linux (bsdutils) is not installed");
        }
        assumeTrue(PseudoTerminal.available() || required, "script(1) from util-linux is not installed: no pseudo-terminal");
    }

    @Test
    void thePromptFollowsTheTourAndTheBarLeavesWithCtrlD() throws Exception {
        try (PseudoTerminal term = PseudoTerminal.startAfter(STALE_REGION, tmp.resolve("work"), tmp.resolve("home"), "demo")) {
            term.await("The simulator runs while this console is open", STEP).await("proxmox-mpc>", STEP);
            Thread.sleep(300); // the prompt's last bytes
            ScreenModel screen = term.screen();
            int tour = screen.lastRowWith("The simulator runs while this console is open");
            assertThat(tour).as("the tour's last line on the screen, not drawn over:\n" + String.join("\n", screen.lines()))
                    .isNotNegative();
            assertThat(screen.line(tour)).as(String.join("\n", screen.lines()))
                    .startsWith("The simulator runs").endsWith("proxmox-demo.");
            assertThat(screen.line(tour + 1)).as(String.join("\n", screen.lines())).startsWith("proxmox-mpc>");
            assertThat(screen.line(PseudoTerminal.ROWS - 1)).as("the bar on the bottom row").contains(BAR);

            term.type("describe vm web-01\n").await("SERVER (when different)", STEP).await("proxmox-mpc>", STEP);
            List<String> describe = describeLines(term.plain());
            assertThat(describe).as("describe fits the terminal").allSatisfy(l -> assertThat(l.length())
                    .isLessThanOrEqualTo(PseudoTerminal.COLUMNS));
            assertThat(describe.stream().filter(l -> l.startsWith("KEY")).findFirst().orElseThrow().indexOf("SERVER"))
                    .as("the server column within an 80-column screen").isLessThan(80);

            term.type("list vms --node pve9\n")
                    .await("No vms match: there is no node 'pve9' (nodes: pve1, pve2, pve3).", STEP).await("proxmox-mpc>", STEP);

            term.type("/sync\n").await("Snapshot ", STEP);
            term.type("\u0003"); // Ctrl-C as /sync ends: cancels or is ignored, never ends the console
            term.await("proxmox-mpc>", STEP);
            term.type("/status\n").await("Environment: default", STEP).await("proxmox-mpc>", STEP);

            term.type("\u0004");
            assertThat(term.waitFor(STEP)).as("Ctrl-D leaves the console").isZero();
            ScreenModel end = term.screen();
            assertThat(end.lines()).as("the bar taken off the screen").noneMatch(l -> l.contains(BAR));
            assertWholeScreenGivenBack(term.raw());
        }
    }

    @Test
    void sigtermGivesTheTerminalItsWholeScreenBack() throws Exception {
        try (PseudoTerminal term = PseudoTerminal.start(tmp.resolve("work"), tmp.resolve("home"))) {
            term.await("proxmox-mpc>", STEP);
            Thread.sleep(300);
            assertThat(term.screen().line(PseudoTerminal.ROWS - 1)).as("the bar").startsWith("proxmox-mpc | ");
            term.terminateProduct();
            assertThat(term.waitFor(STEP)).as("ended by the signal").isNotZero();
            // the process has ended; its last bytes may still be on their way from the pty to the reader
            for (int i = 0; i < 50 && term.screen().line(PseudoTerminal.ROWS - 1).contains("proxmox-mpc | "); i++) {
                Thread.sleep(100);
            }
            assertThat(term.screen().line(PseudoTerminal.ROWS - 1)).as("the bar cleared").doesNotContain("proxmox-mpc | ");
            assertWholeScreenGivenBack(term.raw());
        }
    }

    private static void assertWholeScreenGivenBack(String raw) {
        int bar = raw.lastIndexOf("\u001B[1;" + (PseudoTerminal.ROWS - 1) + "r");
        int whole = raw.lastIndexOf("\u001B[1;" + PseudoTerminal.ROWS + "r");
        assertThat(whole).as("the scroll region is the whole screen again at the end").isGreaterThan(bar);
    }

    /** @return the lines of the last describe: from {@code vm 100 web-01 on} to the line after the table */
    private static List<String> describeLines(String plain) {
        String out = plain.substring(plain.lastIndexOf("describe vm web-01"));
        return out.lines().takeWhile(l -> !l.startsWith("proxmox-mpc>") || l.contains("describe vm")).toList();
    }
}
