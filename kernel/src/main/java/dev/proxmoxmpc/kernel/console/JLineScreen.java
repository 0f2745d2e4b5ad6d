package dev.proxmoxmpc.kernel.console;

import dev.proxmoxmpc.spi.console.Screen;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.AttributedString;
import org.jline.utils.InfoCmp.Capability;
import org.jline.utils.NonBlockingReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Screen} on a JLine terminal: raw mode, the alternate screen ({@code smcup}), hidden cursor; closing
 * restores all three (and closes the terminal when this screen opened it).
 */
public final class JLineScreen implements Screen {
    private static final Logger LOG = LoggerFactory.getLogger(JLineScreen.class);
    private final Terminal terminal;
    private final boolean owned;
    private final Attributes saved;

    private JLineScreen(Terminal terminal, boolean owned) {
        this.terminal = terminal;
        this.owned = owned;
        this.saved = terminal.enterRawMode();
        terminal.puts(Capability.enter_ca_mode);
        terminal.puts(Capability.cursor_invisible);
        terminal.flush();
    }

    /** @return a screen on the console's terminal, or empty for a dumb one */
    public static Optional<Screen> on(Terminal terminal) {
        if (!capable(terminal)) {
            return Optional.empty();
        }
        return Optional.of(new JLineScreen(terminal, false));
    }

    /**
     * @return a screen on the process's own terminal when standard input and output are one (batch mode run by a
     *     person: {@code proxmox-mpc top}), else empty
     */
    public static Optional<Screen> system() {
        if (System.console() == null) {
            return Optional.empty();
        }
        try {
            Terminal t = TerminalBuilder.builder().system(true).encoding(StandardCharsets.UTF_8).build();
            if (!capable(t)) {
                t.close();
                return Optional.empty();
            }
            return Optional.of(new JLineScreen(t, true));
        } catch (IOException e) {
            LOG.debug("no terminal for a full screen view", e);
            return Optional.empty();
        }
    }

    private static boolean capable(Terminal t) {
        return !Terminal.TYPE_DUMB.equals(t.getType()) && !Terminal.TYPE_DUMB_COLOR.equals(t.getType())
                && t.getStringCapability(Capability.cursor_address) != null;
    }

    @Override
    public int width() {
        return Math.max(1, terminal.getWidth() > 0 ? terminal.getWidth() : 80);
    }

    @Override
    public int height() {
        return Math.max(1, terminal.getHeight() > 0 ? terminal.getHeight() : 24);
    }

    @Override
    public void draw(List<String> lines) {
        int w = width();
        int h = height();
        PrintWriter out = terminal.writer();
        terminal.puts(Capability.cursor_home);
        for (int i = 0; i < Math.min(h, lines.size()); i++) {
            AttributedString line = AttributedString.fromAnsi(lines.get(i));
            out.print((line.columnLength() >= w ? line.columnSubSequence(0, w - 1) : line).toAnsi(terminal));
            terminal.puts(Capability.clr_eol);
            if (i < Math.min(h, lines.size()) - 1) {
                out.print("\r\n");
            }
        }
        terminal.puts(Capability.clr_eos);
        terminal.flush();
    }

    @Override
    public int readKey(Duration timeout) {
        try {
            int c = terminal.reader().read(Math.max(1, timeout.toMillis()));
            return c == NonBlockingReader.READ_EXPIRED || c < 0 ? -1 : c;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the terminal: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            terminal.puts(Capability.cursor_visible);
            terminal.puts(Capability.exit_ca_mode);
            terminal.flush();
            terminal.setAttributes(saved);
            if (owned) {
                terminal.close();
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("terminal not fully restored", e);
        }
    }
}
