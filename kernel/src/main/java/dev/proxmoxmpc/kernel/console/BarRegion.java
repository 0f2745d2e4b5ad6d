package dev.proxmoxmpc.kernel.console;

import java.io.IOError;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jline.terminal.Terminal;
import org.jline.utils.InfoCmp.Capability;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bottom row the status bar takes and the scroll region above it, made safe at both ends.
 *
 * <p>At the start: JLine's {@link org.jline.utils.Status} assumes the whole screen scrolls. A terminal left with a
 * scroll region by an earlier program (an earlier console that ended without taking its bar away: killed, or ended by
 * a signal) breaks that: the line feed that makes room for the bar does not scroll, and the cursor, moved up one row,
 * puts the first prompt over the last line printed (the demo's tour). {@link #claim} resets the region to the whole
 * screen and clears the bottom row before the bar first shows.
 *
 * <p>At the end: when the JVM ends without {@code close()} (SIGTERM, SIGHUP, an uncaught exit), a shutdown hook gives the
 * terminal its whole screen back and clears the bar, so the shell (and the next console) starts clean.
 */
final class BarRegion {
    private static final Logger LOG = LoggerFactory.getLogger(BarRegion.class);
    private final Terminal terminal;
    private final AtomicBoolean shown = new AtomicBoolean();
    private final Thread hook;

    BarRegion(Terminal terminal) {
        this.terminal = terminal;
        this.hook = new Thread(this::release, "mpc-status-bar-release");
    }

    /** Before the bar's first draw: the whole screen scrolls again and the bottom row is empty. Idempotent. */
    void claim() {
        if (!shown.compareAndSet(false, true)) {
            return;
        }
        wholeScreen(terminal);
        try {
            Runtime.getRuntime().addShutdownHook(hook);
        } catch (IllegalStateException e) { // the JVM is already shutting down
            LOG.debug("no shutdown hook for the status bar", e);
        }
    }

    /** Takes the bar off (whole screen, bottom row cleared) if it was shown. Idempotent; safe in a shutdown hook. */
    void release() {
        if (!shown.compareAndSet(true, false)) {
            return;
        }
        try {
            wholeScreen(terminal);
        } catch (RuntimeException | IOError e) { // the terminal is already closed (JLine wraps I/O errors in IOError)
            LOG.debug("status bar region not released", e);
        }
    }

    /** {@link #release} now, and no shutdown hook any more. */
    void close() {
        release();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) { // shutting down: the hook runs (and does nothing) or already ran
            LOG.debug("status bar hook not removed", e);
        }
    }

    /** Cursor kept; scroll region = whole screen; bottom row cleared. */
    static void wholeScreen(Terminal terminal) {
        int rows = terminal.getHeight();
        if (rows < 2) {
            return;
        }
        terminal.puts(Capability.save_cursor);
        terminal.puts(Capability.change_scroll_region, 0, rows - 1);
        terminal.puts(Capability.cursor_address, rows - 1, 0);
        terminal.puts(Capability.clr_eol);
        terminal.puts(Capability.restore_cursor);
        terminal.flush();
    }
}
