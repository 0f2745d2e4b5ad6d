package dev.proxmoxmpc.kernel.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jline.reader.impl.completer.NullCompleter;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shell on an xterm-type terminal over streams: the status bar, Ctrl-C between commands, Ctrl-D. */
class InteractiveShellTest {
    @TempDir
    Path dir;

    private InteractiveShell shell(String input, ByteArrayOutputStream out) {
        InteractiveShell shell = InteractiveShell.open(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out,
                NullCompleter.INSTANCE, dir.resolve("history"), "xterm");
        shell.terminal().setSize(new Size(80, 24));
        return shell;
    }

    @Test
    void ctrlCBetweenCommandsIsIgnoredNotTheJvmDefault() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<Terminal.SignalHandler> seen = new ArrayList<>();
        try (InteractiveShell shell = shell("first\n", out)) {
            Terminal.SignalHandler before = shell.terminal().handle(Terminal.Signal.INT, Terminal.SignalHandler.SIG_DFL);
            shell.loop("> ", line -> {
                // what runOnWorker will put back when the command ends: the handler between commands
                Terminal.SignalHandler worker = shell.terminal().handle(Terminal.Signal.INT, Terminal.SignalHandler.SIG_DFL);
                shell.terminal().handle(Terminal.Signal.INT, worker);
            }, () -> false);
            seen.add(shell.terminal().handle(Terminal.Signal.INT, before));
        }
        assertThat(seen).containsExactly(Terminal.SignalHandler.SIG_DFL); // restored after the loop
    }

    @Test
    void theBetweenCommandsHandlerDoesNothing() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<Terminal.SignalHandler> between = new ArrayList<>();
        try (InteractiveShell shell = shell("first\n", out)) {
            shell.terminal().handle(Terminal.Signal.INT, Terminal.SignalHandler.SIG_DFL);
            shell.statusBar(() -> {
                between.add(shell.terminal().handle(Terminal.Signal.INT, Terminal.SignalHandler.SIG_DFL));
                shell.terminal().handle(Terminal.Signal.INT, between.get(between.size() - 1));
                return "status";
            });
            shell.loop("> ", line -> { }, () -> false);
        }
        assertThat(between).isNotEmpty().allSatisfy(h -> assertThat(h).isSameAs(InteractiveShell.IGNORE_INTERRUPT));
    }

    @Test
    void ctrlDTakesTheStatusBarOffTheScreen() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InteractiveShell shell = shell("", out)) {
            shell.statusBar(() -> "STATUS-BAR-TEXT");
            shell.loop("> ", line -> { }, () -> false);
        }
        String screen = out.toString(StandardCharsets.UTF_8);
        int bar = screen.lastIndexOf("STATUS-BAR-TEXT");
        assertThat(bar).as("the bar was drawn").isPositive();
        assertThat(screen.substring(bar)).as("after the bar: the bottom line cleared (clr_eol)").contains("\u001b[K");
    }

    @Test
    void theFirstBarGivesTheWholeScreenBackBeforeMakingRoomSoAStaleScrollRegionCannotPutThePromptOverTheLastLine() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InteractiveShell shell = shell("", out)) {
            shell.statusBar(() -> "STATUS-BAR-TEXT");
            shell.loop("> ", line -> { }, () -> false);
        }
        String screen = out.toString(StandardCharsets.UTF_8);
        int whole = screen.indexOf("\u001b[1;24r");
        int room = screen.indexOf("\u001b[1;23r");
        assertThat(whole).as("the whole screen scrolls again first").isNotNegative();
        assertThat(room).as("then the bar takes the bottom row").isGreaterThan(whole);
        assertThat(screen.substring(whole, room)).as("the bottom row cleared of a stale bar").contains("\u001b[24;1H\u001b[K");
        assertThat(screen.lastIndexOf("\u001b[1;24r")).as("given back at the end").isGreaterThan(room);
    }

    @Test
    void aShellThatNeverShowedABarLeavesTheScrollRegionAlone() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InteractiveShell shell = shell("", out)) {
            shell.loop("> ", line -> { }, () -> false);
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("\u001b[1;24r");
    }
}
