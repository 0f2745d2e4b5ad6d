package dev.proxmoxmpc.kernel.boot;

import dev.proxmoxmpc.spi.command.Args;
import dev.proxmoxmpc.spi.command.CommandException;
import dev.proxmoxmpc.spi.command.CommandResult;
import dev.proxmoxmpc.spi.command.ConsoleCommand;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import java.util.List;
import java.util.Set;

/** Small commands for kernel tests, handed in as embedded extensions. */
public final class TestCommands {
    private TestCommands() {}

    /** {@code echo WORDS}: prints its words; {@code --json} prints them as a JSON list. */
    public static class Echo implements ConsoleCommand {
        @Override
        public String name() {
            return "echo";
        }

        @Override
        public String summary() {
            return "Print the words";
        }

        @Override
        public List<String> complete(KernelContext ctx, List<String> words) {
            return List.of("--upper", "101", "102", "205");
        }

        @Override
        public CommandResult execute(KernelContext ctx, List<String> args) {
            Args a = Args.parse(args, Set.of(), Set.of("--upper"));
            String text = String.join(" ", a.positionals());
            if (ctx.console().jsonRequested()) {
                ctx.console().json(a.positionals());
            } else {
                ctx.console().println(a.flag("--upper") ? text.toUpperCase() : text);
            }
            return CommandResult.ok();
        }
    }

    /** {@code list vms}: a two-word name. */
    public static final class ListVms implements ConsoleCommand {
        @Override
        public String name() {
            return "list vms";
        }

        @Override
        public List<String> aliases() {
            return List.of("ls vms");
        }

        @Override
        public CommandResult execute(KernelContext ctx, List<String> args) {
            ctx.console().println("vms:" + String.join(",", args));
            return CommandResult.ok();
        }
    }

    /** {@code list}: a one-word name sharing the first word of {@code list vms}. */
    public static final class ListAll implements ConsoleCommand {
        @Override
        public String name() {
            return "list";
        }

        @Override
        public CommandResult execute(KernelContext ctx, List<String> args) {
            ctx.console().println("all:" + String.join(",", args));
            return CommandResult.ok();
        }
    }

    /** {@code fail}: a CommandException. */
    public static final class Fail implements ConsoleCommand {
        @Override
        public String name() {
            return "fail";
        }

        @Override
        public CommandResult execute(KernelContext ctx, List<String> args) {
            throw new CommandException("it failed on purpose");
        }
    }

    /** {@code boom}: a bug (an unexpected exception) in a command. */
    public static final class Boom implements ConsoleCommand {
        @Override
        public String name() {
            return "boom";
        }

        @Override
        public CommandResult execute(KernelContext ctx, List<String> args) {
            throw new IllegalStateException("unexpected state");
        }
    }

    /** {@code plan}: changes pending. */
    public static final class Pending implements ConsoleCommand {
        @Override
        public String name() {
            return "plan";
        }

        @Override
        public CommandResult execute(KernelContext ctx, List<String> args) {
            ctx.console().println("2 changes");
            return CommandResult.changesPending();
        }
    }

    /** {@code ask}: asks a question and a prompt. */
    public static final class Ask implements ConsoleCommand {
        @Override
        public String name() {
            return "ask";
        }

        @Override
        public CommandResult execute(KernelContext ctx, List<String> args) {
            String name = ctx.console().prompt("name", "anon");
            boolean ok = ctx.console().confirm("delete " + name + "?");
            ctx.console().println("name=" + name + " confirmed=" + ok);
            return CommandResult.ok();
        }
    }

    /** {@code login}: asks for a secret. */
    public static final class Login implements ConsoleCommand {
        @Override
        public String name() {
            return "login";
        }

        @Override
        public CommandResult execute(KernelContext ctx, List<String> args) {
            String secret = ctx.console().promptSecret("token secret");
            ctx.console().println("secret has " + secret.length() + " characters");
            return CommandResult.ok();
        }
    }

    /** {@code sleep}: waits until interrupted. */
    public static final class Sleep implements ConsoleCommand {
        @Override
        public String name() {
            return "sleep";
        }

        @Override
        public CommandResult execute(KernelContext ctx, List<String> args) throws InterruptedException {
            Thread.sleep(60_000);
            return CommandResult.ok();
        }
    }

    /** {@code count N}: a progress bar of N steps. */
    public static final class Count implements ConsoleCommand {
        @Override
        public String name() {
            return "count";
        }

        @Override
        public CommandResult execute(KernelContext ctx, List<String> args) {
            int n = Integer.parseInt(args.get(0));
            try (var p = ctx.console().progress("Counting", n)) {
                for (int i = 0; i < n; i++) {
                    p.step(1);
                }
            }
            return CommandResult.ok();
        }
    }

    /** {@code welcome [--batch]}: prints a line and asks for the console to open after it (unless --batch), as demo does. */
    public static final class Welcome implements ConsoleCommand {
        @Override
        public String name() {
            return "welcome";
        }

        @Override
        public boolean opensConsole(List<String> args) {
            return !args.contains("--batch");
        }

        @Override
        public CommandResult execute(KernelContext ctx, List<String> args) {
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
