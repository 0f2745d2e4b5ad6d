package dev.proxmoxmpc.kernel.command;

import dev.proxmoxmpc.kernel.console.TerminalConsole;
import dev.proxmoxmpc.kernel.plugin.Problems;
import dev.proxmoxmpc.spi.command.CommandException;
import dev.proxmoxmpc.spi.command.CommandResult;
import dev.proxmoxmpc.spi.command.UsageException;
import dev.proxmoxmpc.spi.command.internal.CommandLines;
import dev.proxmoxmpc.spi.command.internal.GlobalFlags;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import dev.proxmoxmpc.spi.provider.ProviderException;
import dev.proxmoxmpc.spi.state.StateException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.IdentityHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one command line: splits it, takes out the global flags {@code --json}, {@code --yes}/{@code -y},
 * finds the command (unknown: "did you mean", exit 2), runs it and turns every exception into one line
 * (with the stack trace under {@code --debug}). Never throws.
 */
public final class CommandRunner {
    private static final Logger LOG = LoggerFactory.getLogger(CommandRunner.class);
    private final Supplier<CommandRegistry> registry;
    private final KernelContext ctx;
    private final TerminalConsole console;
    private final boolean debug;
    private final boolean globalJson;
    private final boolean globalYes;
    /** Results whose message was printed during the current top-level line (by identity). */
    private final Set<CommandResult> reported = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));
    private final ThreadLocal<int[]> depth = ThreadLocal.withInitial(() -> new int[1]);

    public CommandRunner(Supplier<CommandRegistry> registry, KernelContext ctx, TerminalConsole console, boolean debug,
                         boolean globalJson, boolean globalYes) {
        this.registry = registry;
        this.ctx = ctx;
        this.console = console;
        this.debug = debug;
        this.globalJson = globalJson;
        this.globalYes = globalYes;
    }

    /** @return how the command line ended; output and the one-line error have been printed. */
    public CommandResult run(String line) {
        int[] level = depth.get();
        if (level[0] == 0) {
            reported.clear();
        }
        level[0]++;
        try {
            return runLine(line);
        } finally {
            level[0]--;
        }
    }

    private CommandResult runLine(String line) {
        List<String> words;
        try {
            words = CommandLines.words(line);
        } catch (UsageException e) {
            console.error(e.getMessage());
            return reported(CommandResult.usage(e.getMessage()));
        }
        GlobalFlags global = GlobalFlags.split(words);
        boolean json = globalJson || global.json();
        boolean yes = globalYes || global.yes();
        List<String> rest = global.rest();
        if (rest.isEmpty()) {
            return CommandResult.ok();
        }
        CommandRegistry commands;
        try {
            commands = registry.get();
        } catch (RuntimeException e) {
            return failed("the command registry could not be built", e);
        }
        var match = commands.match(rest);
        if (match.isEmpty()) {
            String msg = commands.unknownMessage(rest);
            console.error(msg);
            return reported(CommandResult.usage(msg));
        }
        int dashes = match.get().args().indexOf("--");
        List<String> own = dashes < 0 ? match.get().args() : match.get().args().subList(0, dashes);
        if (own.contains("--help") && !match.get().command().name().equals("help")
                && commands.match(List.of("help")).isPresent()) {
            return runLine("help " + match.get().command().name());
        }
        TerminalConsole.Flags previous = console.flags(new TerminalConsole.Flags(json, yes));
        try {
            return execute(match.get());
        } finally {
            console.flags(previous);
        }
    }

    private CommandResult execute(CommandMatch match) {
        RegisteredCommand rc = match.command();
        try {
            if (rc.command().requiresProject() && !ctx.workspace().initialised()) {
                throw new CommandException("no project in " + ctx.workspace().root() + "; run /init first");
            }
            CommandResult result = rc.declaration().run(ctx, match.args());
            if (result == null) {
                result = CommandResult.ok();
            }
            if (!result.succeeded() && !result.message().isEmpty() && !reported.contains(result)) {
                console.error(result.message());
            }
            return reported(result);
        } catch (UsageException e) {
            String msg = e.getMessage() + "; usage: /" + usage(rc);
            console.error(msg);
            return reported(CommandResult.usage(msg));
        } catch (java.nio.file.InvalidPathException e) {
            // a value that cannot be a file name (a NUL byte, ...): the user's input, not a failure
            String msg = IoProblems.message(e);
            console.error(msg);
            return reported(CommandResult.usage(msg));
        } catch (UncheckedIOException e) {
            if (cancelled(e)) {
                return cancelledResult();
            }
            trace(e);
            String msg = IoProblems.message(e.getCause());
            console.error(msg);
            return reported(CommandResult.failure(msg));
        } catch (CommandException | ProviderException | StateException e) {
            if (cancelled(e)) {
                return cancelledResult();
            }
            trace(e);
            // these carry a message for people: never prefix it with their class name (ConfigException, ...)
            console.error(Problems.message(e).replaceFirst("^" + java.util.regex.Pattern.quote(e.getClass().getSimpleName())
                    + ": ", ""));
            return reported(CommandResult.failure(e.getMessage() == null ? "" : e.getMessage()));
        } catch (InterruptedException e) {
            return cancelledResult();
        } catch (Exception | LinkageError | StackOverflowError e) {
            if (cancelled(e)) {
                return cancelledResult();
            }
            return failed("/" + rc.name() + " (plugin '" + rc.pluginId() + "') failed", e);
        }
    }

    private CommandResult failed(String what, Throwable e) {
        LOG.error("{}", what, e);
        trace(e);
        String msg = what + ": " + Problems.message(e) + (debug ? "" : " (--debug shows the stack trace)");
        console.error(msg);
        return reported(CommandResult.failure(msg));
    }

    private CommandResult cancelledResult() {
        Thread.interrupted();
        console.error("cancelled");
        return reported(CommandResult.failure("cancelled"));
    }

    private static boolean cancelled(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof InterruptedException || t instanceof java.nio.channels.ClosedByInterruptException) {
                return true;
            }
        }
        return Thread.currentThread().isInterrupted();
    }

    private void trace(Throwable e) {
        if (debug) {
            StringWriter sw = new StringWriter();
            e.printStackTrace(new PrintWriter(sw));
            console.printErr(sw.toString().stripTrailing());
        }
    }

    /** Remembers a result whose message was printed, so a command returning it again is not reported twice. */
    private CommandResult reported(CommandResult result) {
        if (!result.succeeded() && !result.message().isEmpty()) {
            reported.add(result);
        }
        return result;
    }

    private static String usage(RegisteredCommand rc) {
        try {
            return rc.declaration().usage();
        } catch (RuntimeException e) {
            return rc.name();
        }
    }
}
