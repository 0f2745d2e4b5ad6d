package dev.proxmoxmpc.kernel.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proxmoxmpc.kernel.boot.KernelRun;
import dev.proxmoxmpc.kernel.boot.TestCommands;
import dev.proxmoxmpc.spi.command.CommandResult;
import dev.proxmoxmpc.spi.command.Candidates;
import dev.proxmoxmpc.spi.command.CompletionRequest;
import dev.proxmoxmpc.spi.command.ConsoleCommand;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import org.junit.jupiter.api.io.TempDir;

/** The console on a JLine dumb terminal with scripted input. */
class InteractiveConsoleTest {
    @TempDir
    Path dir;
    KernelRun kernel;

    @BeforeEach
    void setUp() throws IOException {
        kernel = new KernelRun(Files.createDirectories(dir.resolve("work")), Files.createDirectories(dir.resolve("home")))
                .extensions(TestCommands.all().toArray()).interactive(true);
    }

    @Test
    void runsTypedCommandsUntilExitAndKeepsHistory() throws IOException {
        KernelRun.Result r = kernel.input("echo hello\nfail\n/echo still here\n/exit\necho never\n").run();
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("proxmox-mpc>").contains("hello\n").contains("still here\n").doesNotContain("never\n");
        assertThat(r.err()).contains("error: it failed on purpose");
        assertThat(Files.readString(dir.resolve("home/.proxmox-mpc/history"))).contains("echo hello").contains("/exit");
    }

    @Test
    void secretsAreNotEchoedNorKeptInHistory() throws IOException {
        KernelRun.Result r = kernel.input("login\ns3cr3t-value\necho after\n").run();
        assertThat(r.out()).contains("token secret: ").contains("secret has 12 characters").doesNotContain("s3cr3t");
        assertThat(Files.readString(dir.resolve("home/.proxmox-mpc/history"))).contains("login").contains("echo after")
                .doesNotContain("s3cr3t");
    }

    @Test
    void dashIRunsTheCommandsThenStaysInTheConsole() {
        KernelRun.Result r = kernel.input("echo second\n").run("-i", "-c", "echo first");
        assertThat(r.out()).containsSubsequence("first\n", "proxmox-mpc>", "second\n");
        KernelRun.Result batch = kernel.input("echo second\n").run("-c", "echo first");
        assertThat(batch.out()).isEqualTo("first\n");
    }

    @Test
    void aDirectCommandThatOpensTheConsoleLeavesTheUserAtThePromptOthersEnd() throws IOException {
        java.util.List<Object> commands = new java.util.ArrayList<>(TestCommands.all());
        commands.add(new TestCommands.Welcome());
        KernelRun k = new KernelRun(dir.resolve("work"), dir.resolve("home")).extensions(commands.toArray()).interactive(true);
        KernelRun.Result opened = k.input("echo typed after\n").run("welcome");
        assertThat(opened.exitCode()).isZero();
        assertThat(opened.out()).containsSubsequence("welcome in\n", "proxmox-mpc>", "typed after\n");
        KernelRun.Result batch = k.input("echo typed after\n").run("welcome", "--batch");
        assertThat(batch.out()).isEqualTo("welcome in\n");
        KernelRun.Result other = k.input("echo typed after\n").run("echo", "just once");
        assertThat(other.out()).isEqualTo("just once\n");
    }

    @Test
    void aDumbTerminalGetsOnlyTheFinalProgressLine() {
        KernelRun.Result r = kernel.input("count 3\n").run();
        assertThat(r.out()).doesNotContain("\rCounting");
        assertThat(r.err()).startsWith("Counting: done 3/3 in ");
    }

    @Test
    void endOfInputLeavesTheConsole() {
        KernelRun.Result r = kernel.input("echo one\n").run();
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("one\n");
    }

    @Test
    void promptAndConfirmReadTheAnswersFromTheTerminal() {
        KernelRun.Result r = kernel.input("ask\nbob\ny\nask\n\nn\n").run();
        assertThat(r.out()).contains("name [anon]: ").contains("delete bob? [y/N] ")
                .contains("name=bob confirmed=true").contains("name=anon confirmed=false");
    }

    @Test
    void completesCommandNamesThenTheCommandsOwnCandidates() {
        CommandCompletion completion = CommandCompletion.forCommands(TestCommands.all());
        assertThat(completion.complete("ec")).containsExactly("echo");
        assertThat(completion.complete("/ec")).containsExactly("/echo");
        assertThat(completion.complete("li")).contains("list");
        assertThat(completion.complete("list v")).containsExactly("vms");
        assertThat(completion.complete("echo 1")).containsExactly("101", "102");
        assertThat(completion.complete("echo --u")).containsExactly("--upper");
        assertThat(completion.complete("echo --")).contains("--upper", "--json", "--yes", "--help");
    }

    /** {@code deploy}: completes its flags, and node names after {@code --node} (also as {@code --node=...}). */
    @Command(name = "deploy")
    static final class Deploy implements ConsoleCommand {
        /** What the node candidates were asked: the option and the partial value. */
        static final List<String> ASKED = java.util.Collections.synchronizedList(new ArrayList<>());
        @Option(names = "--node", completionCandidates = Nodes.class)
        String node;
        @Option(names = "--now")
        boolean now;
        @Option(names = "--force")
        boolean force;

        /** Tab: three nodes, recording each question. */
        static final class Nodes implements Candidates {
            @Override
            public List<String> candidates(KernelContext ctx, CompletionRequest request) {
                ASKED.add(request.target() + " " + request.partial());
                return List.of("pve1", "pve2", "other");
            }
        }

        @Override
        public CommandResult execute(KernelContext ctx) {
            return CommandResult.ok();
        }
    }

    @Test
    void completesFlagsAfterAPartialWordAndValuesAfterAFlag() {
        Deploy deploy = new Deploy();
        CommandCompletion completion = CommandCompletion.forCommands(List.of(deploy));
        assertThat(completion.complete("deploy --no")).containsExactly("--node", "--now");
        assertThat(completion.complete("/deploy --f")).containsExactly("--force");
        assertThat(completion.complete("deploy --node ")).containsExactly("pve1", "pve2", "other");
        assertThat(completion.complete("deploy --now --node p")).containsExactly("pve1", "pve2");
        assertThat(completion.complete("deploy --node=p")).containsExactly("--node=pve1", "--node=pve2");
        assertThat(completion.complete("deploy --he")).containsExactly("--help");
        assertThat(Deploy.ASKED).contains("--node ", "--node p");
    }

    @Test
    void tabCompletesAVmidThroughTheLineReader() {
        KernelRun.Result r = kernel.env(Map.of("NO_COLOR", "1", "TERM", "ansi")).input("echo 2\t\r/ec\tdone\r").run();
        String out = r.out().replace("\r", "").replaceAll("\u001b\\[[0-9;?]*[A-Za-z]|\u001b[=>]", "");
        assertThat(out).contains("proxmox-mpc> echo 205").containsPattern("(?m)^205$")
                .contains("proxmox-mpc> /echo done").containsPattern("(?m)^done$");
        assertThat(r.err()).isEmpty();
    }

    /** {@code fetch}: its completion warns (as a slow or insecure server would make it) and offers one value. */
    @Command(name = "fetch")
    static final class Fetch implements ConsoleCommand {
        @Parameters(arity = "0..*", completionCandidates = Files.class)
        List<String> args = List.of();

        /** Tab: warns, then offers one file. */
        static final class Files implements Candidates {
            @Override
            public List<String> candidates(KernelContext ctx, CompletionRequest request) {
                ctx.console().warn("the server answered slowly");
                return List.of("debian.iso");
            }
        }

        @Override
        public CommandResult execute(KernelContext ctx) {
            ctx.console().println("fetched " + String.join(" ", args));
            return CommandResult.ok();
        }
    }

    @Test
    void aWarningPrintedByATabCompletionGoesAboveThePromptWhichIsRedrawn() {
        java.util.List<Object> commands = new java.util.ArrayList<>(TestCommands.all());
        commands.add(new Fetch());
        KernelRun k = new KernelRun(dir.resolve("work"), dir.resolve("home")).extensions(commands.toArray()).interactive(true)
                .env(Map.of("NO_COLOR", "1", "TERM", "ansi"));
        KernelRun.Result r = k.input("fetch deb\t\r").run();
        String out = r.out().replace("\r", "").replaceAll("\u001b\\[[0-9;?]*[A-Za-z]|\u001b[=>]", "");
        assertThat(r.err()).as("not written across the line being edited").doesNotContain("slowly");
        assertThat(out).containsSubsequence("warning: the server answered slowly\n", "proxmox-mpc> fetch debian.iso",
                "fetched debian.iso");
    }

    @Test
    void progressRedrawsABarOnTheConsole() {
        KernelRun.Result r = kernel.env(Map.of("NO_COLOR", "1", "TERM", "ansi")).input("count 3\n").run();
        assertThat(r.out()).contains("\rCounting [").contains("3/3 100%");
    }

    @Test
    void aCapableTerminalShowsTheStatusBarAtTheBottomRefreshedAfterEachCommand() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AtomicInteger commands = new AtomicInteger();
        try (InteractiveShell shell = InteractiveShell.open(new java.io.ByteArrayInputStream("one\ntwo\n".getBytes(StandardCharsets.UTF_8)),
                out, (r, l, c) -> { }, dir.resolve("history"), "xterm-256color")) {
            shell.terminal().setSize(new Size(80, 24));
            shell.statusBar(() -> "lab | " + commands.get() + " commands run");
            shell.loop("> ", line -> commands.incrementAndGet(), () -> false);
        }
        String screen = out.toString(StandardCharsets.UTF_8);
        assertThat(screen).as("the scroll region leaves the last line to the bar").contains("\u001b[1;23r")
                .contains("lab | 0 commands run").endsWith("\u001b[1;24r\u001b8");
        String[] prompts = screen.split("> ");
        assertThat(prompts).as("before each prompt the bar's last line is redrawn").hasSize(4);
        assertThat(prompts[1]).as("only the changed count is redrawn, inverse").contains("\u001b[24;1H").contains("\u001b[7m1");
        assertThat(prompts[2]).contains("\u001b[24;1H").contains("\u001b[7m2");
    }

    @Test
    void aDumbTerminalHasNoStatusBarAndNeverComputesIt() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AtomicInteger computed = new AtomicInteger();
        try (InteractiveShell shell = InteractiveShell.open(new java.io.ByteArrayInputStream("one\n".getBytes(StandardCharsets.UTF_8)),
                out, (r, l, c) -> { }, dir.resolve("history"), null)) {
            shell.statusBar(() -> "bar " + computed.incrementAndGet());
            shell.loop("> ", line -> { }, () -> false);
        }
        assertThat(computed).hasValue(0);
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("bar ").doesNotContain("\u001b[");
    }

    @Test
    void ctrlCInterruptsTheRunningCommandNotTheConsole() throws Exception {
        PipedOutputStream typing = new PipedOutputStream();
        PipedInputStream in = new PipedInputStream(typing);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        AtomicBoolean exit = new AtomicBoolean();
        try (InteractiveShell shell = InteractiveShell.open(in, out, (r, l, c) -> { }, dir.resolve("history"), null)) {
            Thread loop = new Thread(() -> shell.loop("> ", line -> {
                if (line.equals("sleep")) {
                    started.countDown();
                    try {
                        Thread.sleep(60_000);
                    } catch (InterruptedException e) {
                        interrupted.set(true);
                    }
                } else {
                    exit.set(true);
                }
            }, exit::get));
            loop.start();
            typing.write("sleep\n".getBytes(StandardCharsets.UTF_8));
            typing.flush();
            assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
            shell.terminal().raise(Terminal.Signal.INT);
            typing.write("exit\n".getBytes(StandardCharsets.UTF_8));
            typing.flush();
            loop.join(30_000);
            assertThat(loop.isAlive()).isFalse();
        }
        assertThat(interrupted).isTrue();
        assertThat(exit).isTrue();
    }
}
