package dev.proxmoxmpc.kernel.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proxmoxmpc.spi.console.Progress;
import dev.proxmoxmpc.spi.console.Screen;
import dev.proxmoxmpc.spi.console.Style;
import dev.proxmoxmpc.spi.console.Table;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class TerminalConsoleTest {
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    TerminalConsole console(boolean colour, LineInput input, boolean bars) {
        return new TerminalConsole(new PrintWriter(out), new PrintWriter(err), colour, input, bars);
    }

    record Guest(int vmid, String name, Optional<String> pool, Instant created, Path file, Map<String, String> config) {}

    @Test
    void alignsTablesWithoutTrailingSpaces() {
        console(false, null, false).table(new Table(List.of("VMID", "NAME", "STATUS"),
                List.of(List.of("101", "web-01", "running"), List.of("2000", "db", ""))));
        assertThat(out.toString()).isEqualTo("""
                VMID  NAME    STATUS
                101   web-01  running
                2000  db
                """);
    }

    @Test
    void coloursStatusWordsButKeepsColumnsAligned() {
        console(true, null, false).table(new Table(List.of("VMID", "STATUS", "NOTE"),
                List.of(List.of("101", "running", "x"), List.of("102", "stopped", "y"))));
        List<String> lines = out.toString().lines().map(l -> l.replaceAll("\u001b\\[[0-9;]*m", "")).toList();
        assertThat(lines).containsExactly("VMID  STATUS   NOTE", "101   running  x", "102   stopped  y");
        assertThat(out.toString()).contains("\u001b[");
    }

    @Test
    void writesRecordsAsPrettyJsonWithStableKeysIsoTimesAndUnwrappedOptionals() {
        Map<String, String> config = new TreeMap<>(Map.of("net0", "virtio", "cores", "2"));
        console(false, null, false).json(new Guest(101, "web", Optional.empty(), Instant.parse("2026-01-02T03:04:05Z"),
                Path.of("terraform/vms/web.tf"), config));
        assertThat(out.toString()).isEqualTo("""
                {
                  "vmid" : 101,
                  "name" : "web",
                  "pool" : null,
                  "created" : "2026-01-02T03:04:05Z",
                  "file" : "terraform/vms/web.tf",
                  "config" : {
                    "cores" : "2",
                    "net0" : "virtio"
                  }
                }
                """);
        out.getBuffer().setLength(0);
        console(false, null, false).json(Map.of("b", Optional.of(Duration.ofSeconds(90)), "a", 1));
        assertThat(out.toString()).isEqualTo("{\n  \"a\" : 1,\n  \"b\" : \"PT1M30S\"\n}\n");
    }

    @Test
    void coloursOnlyWhenAsked() {
        assertThat(console(false, null, false).style(Style.RED, "x")).isEqualTo("x");
        assertThat(console(true, null, false).style(Style.RED, "x")).contains("\u001b[").contains("x");
        console(true, null, false).error("bad");
        assertThat(err.toString()).contains("\u001b[").contains("error: bad");
    }

    @Test
    void batchProgressPrintsOnlyAFinalLineOnTheErrorStream() {
        try (Progress p = console(false, null, false).progress("Discovering", 3)) {
            p.step(1);
            p.message("node pve1");
            p.step(2);
        }
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).doesNotContain("\r").startsWith("Discovering: done 3/3 in ").hasLineCount(1);
    }

    @Test
    void batchProgressSaysWhereItStoppedWhenItEndsEarly() {
        long[] now = {0};
        List<String> lines = new java.util.ArrayList<>();
        ConsoleProgress p = new ConsoleProgress("Applying", 4, false, raw -> lines.add("raw:" + raw), lines::add, () -> now[0]);
        p.step(1);
        p.total(5);
        p.step(1);
        now[0] = 1_500_000_000L;
        p.close();
        p.close();
        assertThat(lines).containsExactly("Applying: stopped at 2/5 after 1.5s");
        ConsoleProgress unknownTotal = new ConsoleProgress("Reading", 0, false, raw -> lines.add("raw:" + raw), lines::add, () -> now[0]);
        unknownTotal.step(7);
        unknownTotal.close();
        assertThat(lines).endsWith("Reading: done 7 in 0.0s");
    }

    @Test
    void terminalProgressRedrawsABarWithCountsAndEta() {
        long[] now = {0};
        StringBuilder raw = new StringBuilder();
        ConsoleProgress p = new ConsoleProgress("Applying", 4, true, raw::append, l -> raw.append(l).append('\n'), () -> now[0]);
        now[0] = 2_000_000_000L;
        p.step(1);
        assertThat(p.line(now[0])).isEqualTo("Applying [######------------------] 1/4 25% ETA 6.0s");
        now[0] = 4_000_000_000L;
        p.step(1);
        p.close();
        assertThat(raw.toString()).contains("\rApplying [").contains("2/4 50%").endsWith("\n");
    }

    @Test
    void batchConfirmWithoutYesIsNoAndSaysHowToConfirm() {
        TerminalConsole c = console(false, null, false);
        assertThat(c.confirm("delete vm 101?")).isFalse();
        assertThat(err.toString()).isEqualTo("delete vm 101? -- not confirmed: in batch mode add --yes to confirm\n");
        c.flags(new TerminalConsole.Flags(false, true));
        assertThat(c.confirm("delete vm 101?")).isTrue();
        assertThat(c.prompt("name", "web")).isEqualTo("web");
        assertThat(c.promptSecret("secret")).isEmpty();
        assertThat(c.interactive()).isFalse();
    }

    @Test
    void interactiveQuestionsReadAnswersAndHideSecrets() {
        ArrayDeque<String> answers = new ArrayDeque<>(List.of("maybe", "yes", "", "s3cret"));
        StringBuilder asked = new StringBuilder();
        TerminalConsole c = console(false, (prompt, secret) -> {
            asked.append(prompt).append(secret ? "(hidden)" : "").append('|');
            return Optional.ofNullable(answers.poll());
        }, true);
        assertThat(c.confirm("go?")).isTrue();
        assertThat(c.prompt("node", "pve1")).isEqualTo("pve1");
        assertThat(c.promptSecret("token secret")).isEqualTo("s3cret");
        assertThat(asked.toString()).isEqualTo("go? [y/N] |go? [y/N] |node [pve1]: |token secret: (hidden)|");
        assertThat(out.toString()).contains("please answer y or n");
    }

    @Test
    void offersAFullScreenOnlyWhenGivenASourceAndNeverUnderJson() {
        TerminalConsole c = console(false, null, false);
        assertThat(c.screen()).as("batch mode to a pipe: no screen").isEmpty();
        Screen fake = new Screen() {
            public int width() { return 80; }
            public int height() { return 24; }
            public void draw(List<String> lines) { }
            public int readKey(Duration timeout) { return -1; }
            public void close() { }
        };
        c.screens(() -> Optional.of(fake));
        assertThat(c.screen()).containsSame(fake);
        c.flags(new TerminalConsole.Flags(true, false));
        assertThat(c.screen()).as("--json: stdout carries only the document").isEmpty();
    }
}
