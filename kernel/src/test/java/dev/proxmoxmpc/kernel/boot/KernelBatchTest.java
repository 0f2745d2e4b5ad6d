package dev.proxmoxmpc.kernel.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import dev.proxmoxmpc.spi.command.CommandResult;
import dev.proxmoxmpc.spi.command.ConsoleCommand;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;
import org.junit.jupiter.api.io.TempDir;

class KernelBatchTest {
    @TempDir
    Path dir;
    KernelRun kernel;

    @BeforeEach
    void setUp() throws IOException {
        Files.createDirectories(dir.resolve("home"));
        Files.createDirectories(dir.resolve("work"));
        kernel = new KernelRun(dir.resolve("work"), dir.resolve("home")).extensions(TestCommands.all().toArray());
    }

    @Test
    void printsTheVersionWithoutRunningCommands() {
        KernelRun.Result r = kernel.run("--version");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("proxmox-mpc ").contains("SPI 0.1.0");
    }

    @Test
    void runsSemicolonSeparatedCommandsInOrder() {
        KernelRun.Result r = kernel.run("-c", "echo one; /echo 'two; three'; echo --upper four");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo("one\ntwo; three\nFOUR\n");
    }

    @Test
    void batchProgressIsOneFinalLineOnStandardError() {
        KernelRun.Result r = kernel.run("-c", "count 3; echo after");
        assertThat(r.out()).isEqualTo("after\n");
        assertThat(r.err()).doesNotContain("\r").startsWith("Counting: done 3/3 in ").hasLineCount(1);
    }

    @Test
    void stopsAtTheFirstFailureWithItsExitCode() {
        KernelRun.Result r = kernel.run("-c", "echo a; fail; echo b");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).isEqualTo("a\n");
        assertThat(r.err()).isEqualTo("error: it failed on purpose\n");
    }

    @Test
    void keepGoingRunsEveryCommandAndStillFails() {
        KernelRun.Result r = kernel.run("--keep-going", "-c", "fail; echo b; fail");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).isEqualTo("b\n");
        assertThat(r.err()).isEqualTo("error: it failed on purpose\nerror: it failed on purpose\n");
    }

    @Test
    void unknownCommandSuggestsTheClosestAndExitsTwo() {
        KernelRun.Result r = kernel.run("-c", "ecko hi");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("error: unknown command 'ecko'; did you mean /echo?\n");
    }

    @Test
    void unknownFlagIsAUsageErrorWithTheCommandsUsage() {
        KernelRun.Result r = kernel.run("echo", "--uper", "x");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().lines()).containsExactly("error: unknown option --uper; did you mean --upper?; usage: /echo [WORDS]... [--upper]");
    }

    @Test
    void aBugInACommandIsOneLineAndExitOne() {
        KernelRun.Result r = kernel.run("-c", "boom");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err().lines()).containsExactly(
                "error: /boom (plugin 'embedded') failed: IllegalStateException: unexpected state (--debug shows the stack trace)");
    }

    @Test
    void debugShowsTheStackTrace() {
        KernelRun.Result r = kernel.run("--debug", "-c", "boom");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("java.lang.IllegalStateException: unexpected state").contains("\tat ");
    }

    @Test
    void changesPendingExitThreeOnlyWithDetailedExitcode() {
        assertThat(kernel.run("plan").exitCode()).isZero();
        assertThat(kernel.run("--detailed-exitcode", "plan").exitCode()).isEqualTo(3);
        assertThat(kernel.run("plan", "--detailed-exitcode").exitCode()).isEqualTo(3);
        assertThat(kernel.run("--detailed-exitcode", "-c", "plan; fail").exitCode()).isEqualTo(1);
    }

    @Test
    void directSubcommandTakesTheLongestNameAndGlobalFlags() {
        assertThat(kernel.run("list", "vms", "a").out()).isEqualTo("vms:a\n");
        assertThat(kernel.run("list", "nodes").out()).isEqualTo("all:nodes\n");
        assertThat(kernel.run("ls", "vms").out()).isEqualTo("vms:\n");
        KernelRun.Result json = kernel.run("echo", "a b", "--json");
        assertThat(json.out()).isEqualTo("[ \"a b\" ]\n");
        assertThat(kernel.run("--json", "echo", "x").out()).isEqualTo("[ \"x\" ]\n");
    }

    @Test
    void runFileSkipsCommentsAndStopsAtTheFirstFailure() throws IOException {
        Path script = dir.resolve("work/script.mpc");
        Files.writeString(script, "# a script\necho one\n\n  # indented comment\nfail\necho two\n");
        KernelRun.Result r = kernel.run("run", "script.mpc");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).isEqualTo("one\n");
        KernelRun.Result going = kernel.run("run", "script.mpc", "--keep-going");
        assertThat(going.exitCode()).isEqualTo(1);
        assertThat(going.out()).isEqualTo("one\ntwo\n");
    }

    @Test
    void runFileThatDoesNotExistFails() {
        KernelRun.Result r = kernel.run("run", "missing.mpc");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).startsWith("error: cannot read ").contains("missing.mpc");
    }

    @Test
    void readsCommandsFromStandardInputWhenNotATerminal() {
        KernelRun.Result r = kernel.input("echo from stdin\n# comment\n/echo again\n").run();
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo("from stdin\nagain\n");
    }

    @Test
    void exitStopsABatch() {
        KernelRun.Result r = kernel.run("-c", "echo a; exit; echo b");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo("a\n");
    }

    @Test
    void confirmWithoutYesInBatchModeIsNoAndSaysWhy() {
        KernelRun.Result r = kernel.run("-c", "ask");
        assertThat(r.out()).isEqualTo("name=anon confirmed=false\n");
        assertThat(r.err()).contains("add --yes");
        assertThat(kernel.run("-y", "-c", "ask").out()).isEqualTo("name=anon confirmed=true\n");
        assertThat(kernel.run("-c", "ask --yes").out()).isEqualTo("name=anon confirmed=true\n");
    }

    @Test
    void executeRunsANestedLineWithItsOwnFlagsAndTheSameConsole() {
        KernelRun.Result r = kernel.extensions(new Nest(), new TestCommands.Echo()).run("nest");
        assertThat(r.out()).isEqualTo("[ \"inner\" ]\nouter json=false inner=OK\n");
        assertThat(r.err()).isEqualTo("error: unknown command 'synk'; type /help for the list\n");
        assertThat(r.exitCode()).isEqualTo(2);
    }

    @Test
    void badGlobalOptionIsAUsageError() {
        KernelRun.Result r = kernel.run("--frobnicate");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("error: Unknown option: '--frobnicate'");
    }

    @Test
    void projectCommandsOutsideAProjectSayToRunInit() {
        KernelRun.Result r = kernel.extensions(new Needs()).run("needs");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("error: no project in " + dir.resolve("work") + "; run /init first\n");
    }

    /** {@code nest}: runs a nested line with its own flags, then an unknown command. */
    @Command(name = "nest")
    static final class Nest implements ConsoleCommand {
        @Override
        public CommandResult execute(KernelContext ctx) {
            var inner = ctx.execute("echo --json inner");
            ctx.console().println("outer json=" + ctx.console().jsonRequested() + " inner=" + inner.exitCode());
            return ctx.execute("synk");
        }
    }

    /** {@code needs}: needs a project. */
    @Command(name = "needs")
    static final class Needs implements ConsoleCommand {
        @Override
        public boolean requiresProject() {
            return true;
        }

        @Override
        public CommandResult execute(KernelContext ctx) {
            return CommandResult.ok();
        }
    }
}
