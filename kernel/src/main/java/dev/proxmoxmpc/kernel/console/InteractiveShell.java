package dev.proxmoxmpc.kernel.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jline.reader.Completer;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.terminal.impl.DumbTerminal;
import org.jline.terminal.impl.ExternalTerminal;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.jline.utils.InfoCmp;
import org.jline.utils.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The interactive console: a JLine reader with history and completion. Each command runs on a worker thread;
 * Ctrl-C interrupts that thread (not the console), Ctrl-C at the prompt clears the line, Ctrl-D exits.
 */
public final class InteractiveShell implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(InteractiveShell.class);
    private final Terminal terminal;
    private final LineReader reader;
    private volatile Supplier<String> statusBar;
    private final BarRegion barRegion;

    private InteractiveShell(Terminal terminal, LineReader reader) {
        this.terminal = terminal;
        this.reader = reader;
        this.barRegion = new BarRegion(terminal);
    }

    /**
     * @param in          the input; {@code System.in} with {@code System.out} means the system terminal
     * @param out         the output
     * @param historyFile where history is kept (its folder is created)
     * @param type        the terminal type for streams other than the process's ({@code TERM}); null or
     *                    {@code dumb} gives a dumb terminal
     */
    public static InteractiveShell open(InputStream in, OutputStream out, Completer completer, Path historyFile,
                                        String type) {
        try {
            Terminal terminal;
            if (in == System.in && out == System.out) {
                terminal = TerminalBuilder.builder().system(true).encoding(StandardCharsets.UTF_8).build();
            } else if (type == null || type.isBlank() || type.startsWith(Terminal.TYPE_DUMB)) {
                terminal = new DumbTerminal("proxmox-mpc", Terminal.TYPE_DUMB, in, out, StandardCharsets.UTF_8);
            } else {
                terminal = new ExternalTerminal("proxmox-mpc", type, in, out, StandardCharsets.UTF_8);
            }
            Files.createDirectories(historyFile.getParent());
            DefaultParser parser = new DefaultParser();
            LineReader reader = LineReaderBuilder.builder()
                    .terminal(terminal)
                    .appName("proxmox-mpc")
                    .completer(completer)
                    .parser(parser)
                    .variable(LineReader.HISTORY_FILE, historyFile)
                    .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                    .build();
            return new InteractiveShell(terminal, reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the terminal: " + e.getMessage(), e);
        }
    }

    public Terminal terminal() {
        return terminal;
    }

    /** @return where the console's output goes (the terminal's writer). */
    public java.io.PrintWriter writer() {
        return terminal.writer();
    }

    /** @return whether the terminal can redraw lines and show colours (not a dumb terminal). */
    public boolean capable() {
        return !Terminal.TYPE_DUMB.equals(terminal.getType()) && !Terminal.TYPE_DUMB_COLOR.equals(terminal.getType());
    }

    /**
     * Shows a status bar at the bottom of the terminal, computed again before each prompt (so after each command). A
     * terminal that cannot hold one (dumb, or without a scroll region) shows nothing and {@code text} is never called.
     *
     * @param text the bar's one line; called on the console's thread between commands, must be fast
     */
    public void statusBar(Supplier<String> text) {
        this.statusBar = text;
    }

    private void refreshStatusBar() {
        Supplier<String> text = statusBar;
        if (text == null || !capable() || !statusBarFits()) {
            return;
        }
        String line;
        try {
            line = text.get();
        } catch (RuntimeException e) {
            LOG.warn("status bar not updated", e);
            return;
        }
        int width = terminal.getWidth();
        AttributedString bar = new AttributedString(line, AttributedStyle.INVERSE);
        barRegion.claim();
        Status.getStatus(terminal).update(List.of(width > 1 && bar.columnLength() >= width ? bar.columnSubSequence(0, width - 1) : bar));
    }

    /**
     * @return whether the terminal can keep a bar at its bottom: a known size and the scroll-region and cursor
     *     capabilities JLine's {@link Status} needs (it must not be created otherwise: it then fails on close)
     */
    private boolean statusBarFits() {
        return terminal.getWidth() > 0 && terminal.getHeight() > 1
                && terminal.getStringCapability(InfoCmp.Capability.change_scroll_region) != null
                && terminal.getStringCapability(InfoCmp.Capability.save_cursor) != null
                && terminal.getStringCapability(InfoCmp.Capability.restore_cursor) != null
                && terminal.getStringCapability(InfoCmp.Capability.cursor_address) != null;
    }

    /** @return answers to a command's questions, read with the same reader; answers never go into the history. */
    public LineInput input() {
        return new LineInput() {
            @Override
            public Optional<String> readLine(String prompt, boolean secret) {
                reader.setVariable(LineReader.DISABLE_HISTORY, Boolean.TRUE);
                try {
                    return Optional.of(secret ? reader.readLine(prompt, '\0') : reader.readLine(prompt));
                } catch (UserInterruptException e) {
                    Thread.currentThread().interrupt();
                    return Optional.empty();
                } catch (EndOfFileException e) {
                    return Optional.empty();
                } finally {
                    reader.setVariable(LineReader.DISABLE_HISTORY, Boolean.FALSE);
                }
            }

            @Override
            public boolean printAbove(String text) {
                if (!reader.isReading()) {
                    return false;
                }
                reader.printAbove(text);
                return true;
            }
        };
    }

    /**
     * Reads and runs lines until Ctrl-D, end of input or {@code exitRequested}.
     *
     * @param prompt        the prompt
     * @param run           runs one line (on a worker thread)
     * @param exitRequested whether /exit was run
     */
    public void loop(String prompt, Consumer<String> run, BooleanSupplier exitRequested) {
        // Between a command's end and the next prompt (JLine handles Ctrl-C itself while it reads), Ctrl-C must not
        // fall through to the JVM's default handler, which ends the console with exit 130.
        Terminal.SignalHandler outside = terminal.handle(Terminal.Signal.INT, IGNORE_INTERRUPT);
        try {
            while (!exitRequested.getAsBoolean()) {
                refreshStatusBar();
                String line;
                try {
                    line = reader.readLine(prompt);
                } catch (UserInterruptException e) {
                    continue;
                } catch (EndOfFileException e) {
                    break;
                }
                if (!line.isBlank()) {
                    runOnWorker(line, run);
                }
            }
        } finally {
            terminal.handle(Terminal.Signal.INT, outside);
        }
    }

    /** What Ctrl-C does while no command runs and no line is read: nothing (the next prompt follows). */
    static final Terminal.SignalHandler IGNORE_INTERRUPT = signal -> { };

    private void runOnWorker(String line, Consumer<String> run) {
        Thread worker = new Thread(() -> run.accept(line), "mpc-command");
        Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.INT, s -> worker.interrupt());
        try {
            worker.start();
            while (true) {
                try {
                    worker.join();
                    return;
                } catch (InterruptedException e) {
                    worker.interrupt();
                }
            }
        } finally {
            terminal.handle(Terminal.Signal.INT, previous);
        }
    }

    @Override
    public void close() {
        try {
            Status.getExistingStatus(terminal).ifPresent(status -> {
                status.update(List.of()); // takes the bar off the screen: the shell's prompt must not sit above it
                status.close();
            });
        } catch (RuntimeException e) { // JLine's Status on a terminal that never reported a size
            LOG.debug("status bar not closed", e);
        }
        barRegion.close();
        try {
            reader.getHistory().save();
        } catch (IOException | RuntimeException e) {
            LOG.warn("history not saved", e);
        }
        try {
            terminal.close();
        } catch (IOException e) {
            LOG.warn("terminal not closed", e);
        }
    }
}
