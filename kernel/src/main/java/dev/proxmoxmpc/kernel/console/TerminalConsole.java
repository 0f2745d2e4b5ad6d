package dev.proxmoxmpc.kernel.console;

import dev.proxmoxmpc.spi.console.Console;
import dev.proxmoxmpc.spi.console.Progress;
import dev.proxmoxmpc.spi.console.Screen;
import dev.proxmoxmpc.spi.console.Style;
import dev.proxmoxmpc.spi.console.Table;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The kernel's {@link Console}: the interactive console (answers from a {@link LineInput}) and batch mode (no
 * questions: {@code --yes} or the default). Output to {@code out}; warnings, errors and batch-mode progress lines
 * to {@code err}, so {@code --json} output stays clean.
 */
public final class TerminalConsole implements Console {
    private volatile PrintWriter out;
    private volatile PrintWriter err;
    private final Styles styles;
    private final LineInput input;
    private final boolean progressBars;
    private volatile Supplier<Optional<Screen>> screens = Optional::empty;
    private volatile boolean json;
    private volatile boolean yes;

    /**
     * @param out          where output goes
     * @param err          where warnings and errors go
     * @param colour       whether to colour (already false for NO_COLOR, --no-color and non-terminals)
     * @param input        answers to questions, or null in batch mode
     * @param progressBars redraw progress bars in place (a terminal) instead of a start and an end line
     */
    public TerminalConsole(PrintWriter out, PrintWriter err, boolean colour, LineInput input, boolean progressBars) {
        this.out = out;
        this.err = err;
        this.styles = new Styles(colour);
        this.input = input;
        this.progressBars = progressBars;
    }

    /**
     * Sets where {@link #screen()} gets a full screen from (the interactive console's terminal, or the process's
     * own terminal in batch mode); by default there is none.
     *
     * @return this console
     */
    public TerminalConsole screens(Supplier<Optional<Screen>> source) {
        this.screens = source;
        return this;
    }

    @Override
    public Optional<Screen> screen() {
        return json ? Optional.empty() : screens.get();
    }

    /** Where output and errors go: see {@link #redirect}. */
    public record Writers(PrintWriter out, PrintWriter err) {}

    /**
     * Sends output and errors elsewhere (a captured command, or stderr once a protocol owns stdout) until the
     * returned writers are handed back here.
     *
     * @return the writers used until now
     */
    public synchronized Writers redirect(Writers writers) {
        Writers previous = new Writers(out, err);
        out.flush();
        err.flush();
        out = writers.out();
        err = writers.err();
        return previous;
    }

    /** The per-command-line flags {@code --json} and {@code --yes}. */
    public record Flags(boolean json, boolean yes) {}

    /** Sets the flags for the next command line; returns the previous ones so nested runs can restore them. */
    public Flags flags(Flags flags) {
        Flags previous = new Flags(json, yes);
        json = flags.json();
        yes = flags.yes();
        return previous;
    }

    @Override
    public void println(String text) {
        if (input != null && input.printAbove(text)) {
            return;
        }
        synchronized (out) {
            out.println(text);
            out.flush();
        }
    }

    @Override
    public void info(String text) {
        println(text);
    }

    @Override
    public void success(String text) {
        println(styles.apply(Style.GREEN, text));
    }

    @Override
    public void warn(String text) {
        printErr(styles.apply(Style.YELLOW, "warning: " + text));
    }

    @Override
    public void error(String text) {
        printErr(styles.apply(Style.RED, "error: " + text));
    }

    /** Prints a line to the error stream as is. */
    public void printErr(String text) {
        if (input != null && input.printAbove(text)) { // printed while the user types (by a Tab completion)
            return;
        }
        synchronized (out) {
            out.flush();
            err.println(text);
            err.flush();
        }
    }

    @Override
    public void table(Table table) {
        synchronized (out) {
            TableRenderer.render(table, styles).forEach(out::println);
            out.flush();
        }
    }

    @Override
    public void json(Object value) {
        println(JsonRenderer.render(value));
    }

    @Override
    public String style(Style style, String text) {
        return styles.apply(style, text);
    }

    @Override
    public Progress progress(String label, long total) {
        return new ConsoleProgress(label, total, progressBars && !json, this::printRaw, this::printErr, System::nanoTime);
    }

    private void printRaw(String text) {
        synchronized (out) {
            out.print(text);
            out.flush();
        }
    }

    @Override
    public boolean confirm(String question) {
        if (yes) {
            return true;
        }
        if (input == null) {
            printErr(question + " -- not confirmed: in batch mode add --yes to confirm");
            return false;
        }
        while (true) {
            Optional<String> answer = input.readLine(question + " [y/N] ", false);
            if (answer.isEmpty()) {
                return false;
            }
            String a = answer.get().strip().toLowerCase(Locale.ROOT);
            if (a.isEmpty() || a.equals("n") || a.equals("no")) {
                return false;
            }
            if (a.equals("y") || a.equals("yes")) {
                return true;
            }
            println("please answer y or n");
        }
    }

    @Override
    public String prompt(String question, String defaultValue) {
        if (input == null) {
            return defaultValue;
        }
        String shown = question + (defaultValue.isEmpty() ? "" : " [" + defaultValue + "]") + ": ";
        String answer = input.readLine(shown, false).map(String::strip).orElse("");
        return answer.isEmpty() ? defaultValue : answer;
    }

    @Override
    public String promptSecret(String question) {
        if (input == null) {
            return "";
        }
        return input.readLine(question + ": ", true).orElse("");
    }

    @Override
    public boolean interactive() {
        return input != null;
    }

    @Override
    public boolean jsonRequested() {
        return json;
    }
}
