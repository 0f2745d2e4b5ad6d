package dev.proxmoxmpc.kernel.boot;

import dev.proxmoxmpc.spi.command.FixedCandidates;
import dev.proxmoxmpc.spi.command.CommandException;
import dev.proxmoxmpc.spi.command.CommandResult;
import dev.proxmoxmpc.spi.command.ConsoleCommand;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Small commands for kernel tests, handed in as embedded extensions. */
public final class TestCommands {
    private TestCommands() {}

    /** {@code echo WORDS}: prints its words; {@code --json} prints them as a JSON list. */
    @Command(name = "echo", description = "Print the words")
    public static class Echo implements ConsoleCommand {
        @Parameters(paramLabel = "WORDS", arity = "0..*", completionCandidates = Numbers.class)
        List<String> words = List.of();
        @Option(names = "--upper", description = "in capitals")
        boolean upper;

        /** Tab: some VMIDs. */
        static final class Numbers extends FixedCandidates {
            Numbers() {
                super("101", "102", "205");
            }
        }

        @Override
        public CommandResult execute(KernelContext ctx) {
            String text = String.join(" ", words);
            if (ctx.console().jsonRequested()) {
                ctx.console().json(words);
            } else {
                ctx.console().println(upper ? text.toUpperCase() : text);
            }
            return CommandResult.ok();
        }
    }

    /** {@code list vms}: a two-word name. */
    @Command(name = "list vms", aliases = "ls vms")
    public static final class ListVms implements ConsoleCommand {
        @Parameters(arity = "0..*", paramLabel = "ARGS", hidden = true)
        List<String> args = List.of();

        @Override
        public CommandResult execute(KernelContext ctx) {
            ctx.console().println("vms:" + String.join(",", args));
            return CommandResult.ok();
        }
    }

    /** {@code list}: a one-word name sharing the first word of {@code list vms}. */
    @Command(name = "list")
    public static final class ListAll implements ConsoleCommand {
        @Parameters(arity = "0..*", paramLabel = "ARGS", hidden = true)
        List<String> args = List.of();

        @Override
        public CommandResult execute(KernelContext ctx) {
            ctx.console().println("all:" + String.join(",", args));
            return CommandResult.ok();
        }
    }

    /** {@code fail}: a CommandException. */
    @Command(name = "fail")
    public static final class Fail implements ConsoleCommand {

        @Override
        public CommandResult execute(KernelContext ctx) {
            throw new CommandException("it failed on purpose");
        }
    }

    /** {@code boom}: a bug (an unexpected exception) in a command. */
    @Command(name = "boom")
    public static final class Boom implements ConsoleCommand {

        @Override
        public CommandResult execute(KernelContext ctx) {
            throw new IllegalStateException("unexpected state");
        }
    }

    /** {@code plan}: changes pending. */
    @Command(name = "plan")
    public static final class Pending implements ConsoleCommand {

        @Override
        public CommandResult execute(KernelContext ctx) {
            ctx.console().println("2 changes");
            return CommandResult.changesPending();
        }
    }

    /** {@code ask}: asks a question and a prompt. */
    @Command(name = "ask")
    public static final class Ask implements ConsoleCommand {

        @Override
        public CommandResult execute(KernelContext ctx) {
            String name = ctx.console().prompt("name", "anon");
            boolean ok = ctx.console().confirm("delete " + name + "?");
            ctx.console().println("name=" + name + " confirmed=" + ok);
            return CommandResult.ok();
        }
    }

    /** {@code login}: asks for a secret. */
    @Command(name = "login")
    public static final class Login implements ConsoleCommand {

        @Override
        public CommandResult execute(KernelContext ctx) {
            String secret = ctx.console().promptSecret("token secret");
            ctx.console().println("secret has " + secret.length() + " characters");
            return CommandResult.ok();
        }
    }

    /** {@code sleep}: waits until interrupted. */
    @Command(name = "sleep")
    public static final class Sleep implements ConsoleCommand {

        @Override
        public CommandResult execute(KernelContext ctx) throws InterruptedException {
            Thread.sleep(60_000);
            return CommandResult.ok();
        }
    }

    /** {@code count N}: a progress bar of N steps. */
    @Command(name = "count")
    public static final class Count implements ConsoleCommand {
        @Parameters(paramLabel = "N")
        int n;

        @Override
        public CommandResult execute(KernelContext ctx) {
            try (var p = ctx.console().progress("Counting", n)) {
                for (int i = 0; i < n; i++) {
                    p.step(1);
                }
            }
            return CommandResult.ok();
        }
    }

    /** {@code welcome [--batch]}: prints a line and asks for the console to open after it (unless --batch), as demo does. */
    @Command(name = "welcome")
    public static final class Welcome implements ConsoleCommand {
        @Option(names = "--batch")
        boolean batch;

        @Override
        public boolean opensConsole() {
            return !batch;
        }

        @Override
        public CommandResult execute(KernelContext ctx) {
            ctx.console().println("welcome in");
            return CommandResult.ok();
        }
    }

    /** @return one of each. */
    public static List<Object> all() {
        return List.of(new Echo(), new ListVms(), new ListAll(), new Fail(), new Boom(), new Pending(), new Ask(),
                new Sleep(), new Count(), new Login());
    }
}
