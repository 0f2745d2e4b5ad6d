package dev.proxmoxmpc.kernel.boot;

import dev.proxmoxmpc.kernel.command.CommandCompleter;
import dev.proxmoxmpc.spi.command.internal.CommandLines;
import dev.proxmoxmpc.spi.command.internal.GlobalFlags;
import dev.proxmoxmpc.kernel.command.CommandRunner;
import dev.proxmoxmpc.kernel.builtin.Batch;
import dev.proxmoxmpc.kernel.console.InteractiveShell;
import dev.proxmoxmpc.kernel.console.JLineScreen;
import dev.proxmoxmpc.kernel.console.TerminalConsole;
import dev.proxmoxmpc.kernel.context.KernelSession;
import dev.proxmoxmpc.kernel.context.KernelSettings;
import dev.proxmoxmpc.kernel.context.KernelVersion;
import dev.proxmoxmpc.spi.command.CommandResult;
import dev.proxmoxmpc.spi.console.Style;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/** Sets up the console and session for batch mode, commands on stdin, or the interactive console. */
final class Modes {
    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;
    private final KernelSettings settings;
    private final GlobalOptions opts;
    private final boolean colourOff;

    Modes(InputStream in, PrintStream out, PrintStream err, KernelSettings settings, GlobalOptions opts,
          boolean colourOff) {
        this.in = in;
        this.out = out;
        this.err = err;
        this.settings = settings;
        this.opts = opts;
        this.colourOff = colourOff;
    }

    CommandResult batch(Function<KernelSession, CommandResult> work) {
        try (KernelSession session = new KernelSession(settings, batchConsole(), opts.json, opts.yes)) {
            session.offerStandardStreams(in, out, err); // for a protocol server on stdio (mcp)
            return work.apply(session);
        }
    }

    CommandResult stdin() {
        List<String> lines;
        try {
            lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList();
        } catch (RuntimeException e) {
            err.println("error: cannot read commands from standard input: " + e.getMessage());
            return CommandResult.failure("stdin");
        }
        List<String> script = CommandLines.script(lines);
        return batch(session -> Batch.run(session, script, opts.keepGoing));
    }

    /**
     * One command given on the command line while stdin and stdout are a terminal: it runs as in batch mode,
     * unless the command asks for the console to open after it ({@code demo}); then it runs in the console.
     */
    CommandResult directOnTerminal(String line) {
        TerminalConsole console = batchConsole();
        KernelSession probe = new KernelSession(settings, console, opts.json, opts.yes);
        boolean opens;
        try {
            List<String> words = GlobalFlags.split(CommandLines.words(line)).rest();
            opens = probe.registry().match(words)
                    .map(m -> m.command().declaration().opensConsole(m.args())).orElse(false);
        } catch (RuntimeException e) {
            opens = false; // the batch run reports the bad line
        }
        if (!opens) {
            try (probe) {
                return Batch.run(probe, List.of(line), opts.keepGoing);
            }
        }
        KernelSession.LoadedPlugins loaded = probe.handOverPlugins();
        probe.close();
        return interactive(List.of(line), loaded);
    }

    /** @param first command lines to run before the first prompt ({@code -i}) */
    CommandResult interactive(List<String> first) {
        return interactive(first, null);
    }

    private CommandResult interactive(List<String> first, KernelSession.LoadedPlugins loaded) {
        AtomicReference<KernelSession> ref = new AtomicReference<>();
        CommandCompleter completer = new CommandCompleter(() -> ref.get().registry(), ref::get);
        try (InteractiveShell shell = InteractiveShell.open(in, out, completer,
                settings.stateDir().resolve("history"), settings.env().get("TERM"))) {
            boolean colour = !colourOff && shell.capable();
            PrintWriter termOut = shell.writer();
            TerminalConsole console = new TerminalConsole(termOut, writer(err), colour, shell.input(), shell.capable())
                    .screens(() -> JLineScreen.on(shell.terminal()));
            try (KernelSession session = new KernelSession(settings, console, opts.json, opts.yes, loaded)) {
                ref.set(session);
                shell.statusBar(session::statusBar);
                console.println(console.style(Style.BOLD, KernelVersion.line()));
                session.registry();
                console.println(console.style(Style.DIM, session.statusLine()));
                console.println("Type /help for the commands, Tab to complete, Ctrl-C to cancel a command, Ctrl-D to leave.");
                Batch.run(session, first, opts.keepGoing);
                String prompt = console.style(Style.BOLD, "proxmox-mpc>") + " ";
                shell.loop(prompt, line -> session.runner().run(line), session::exitRequested);
                return CommandResult.ok();
            }
        }
    }

    private TerminalConsole batchConsole() {
        boolean colour = !colourOff && out == System.out && System.console() != null;
        boolean terminal = out == System.out && in == System.in && System.console() != null;
        TerminalConsole console = new TerminalConsole(writer(out), writer(err), colour, null, false);
        return terminal ? console.screens(JLineScreen::system) : console;
    }

    private static PrintWriter writer(PrintStream stream) {
        return new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), true);
    }
}
