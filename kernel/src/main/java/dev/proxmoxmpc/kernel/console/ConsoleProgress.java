package dev.proxmoxmpc.kernel.console;

import dev.proxmoxmpc.spi.console.Progress;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * A progress bar. On a terminal it redraws one line ({@code \r}) with the bar, counts, percentage and ETA, at
 * most every 100 ms; in batch mode (and on a dumb terminal) it prints one line when it ends, nothing else: no
 * carriage returns in a log.
 */
final class ConsoleProgress implements Progress {
    private static final int WIDTH = 24;
    private static final long REDRAW_NANOS = 100_000_000L;
    private final String label;
    private final boolean bar;
    private final Consumer<String> rawOut;
    private final Consumer<String> lineOut;
    private final LongSupplier nanos;
    private final long start;
    private final AtomicLong total;
    private final AtomicLong done = new AtomicLong();
    private volatile String message = "";
    private long lastDraw;
    private int lastLength;
    private boolean closed;

    /**
     * @param rawOut  writes without a newline (terminal redraws)
     * @param lineOut writes a full line
     */
    ConsoleProgress(String label, long total, boolean bar, Consumer<String> rawOut, Consumer<String> lineOut,
                    LongSupplier nanos) {
        this.label = label;
        this.bar = bar;
        this.rawOut = rawOut;
        this.lineOut = lineOut;
        this.nanos = nanos;
        this.start = nanos.getAsLong();
        this.total = new AtomicLong(Math.max(0, total));
        if (bar) {
            draw(true);
        }
    }

    @Override
    public void total(long newTotal) {
        total.accumulateAndGet(newTotal, Math::max);
        draw(false);
    }

    @Override
    public void step(long n) {
        done.addAndGet(n);
        draw(false);
    }

    @Override
    public void message(String text) {
        message = text == null ? "" : text;
        draw(false);
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (bar) {
            draw(true);
            rawOut.accept("\n");
        } else {
            lineOut.accept(finalLine(nanos.getAsLong()));
        }
    }

    /** @return {@code Applying: done 4/4 in 2.0s}, or {@code Applying: stopped at 2/4 after 1.0s} when it ended early. */
    String finalLine(long now) {
        String elapsed = format(Duration.ofNanos(now - start));
        long t = total.get();
        long d = done.get();
        if (t > 0 && d < t) {
            return label + ": stopped at " + d + "/" + t + " after " + elapsed;
        }
        return label + ": done " + (t > 0 ? d + "/" + t : String.valueOf(d)) + " in " + elapsed;
    }

    private synchronized void draw(boolean force) {
        if (!bar || closed && !force) {
            return;
        }
        long now = nanos.getAsLong();
        if (!force && now - lastDraw < REDRAW_NANOS) {
            return;
        }
        lastDraw = now;
        String line = line(now);
        String pad = line.length() < lastLength ? " ".repeat(lastLength - line.length()) : "";
        lastLength = line.length();
        rawOut.accept("\r" + line + pad);
    }

    String line(long now) {
        long t = total.get();
        long d = done.get();
        StringBuilder sb = new StringBuilder(label).append(' ');
        if (t > 0) {
            int filled = (int) Math.min(WIDTH, d * WIDTH / t);
            sb.append('[').append("#".repeat(filled)).append("-".repeat(WIDTH - filled)).append("] ");
            sb.append(d).append('/').append(t).append(' ').append(Math.min(100, d * 100 / t)).append('%');
            long elapsed = now - start;
            if (d > 0 && d < t) {
                sb.append(" ETA ").append(format(Duration.ofNanos(elapsed / d * (t - d))));
            }
        } else {
            sb.append(d);
        }
        if (!message.isEmpty()) {
            sb.append("  ").append(message);
        }
        return sb.toString();
    }

    static String format(Duration d) {
        long s = d.toSeconds();
        if (s < 60) {
            return String.format("%d.%ds", s, d.toMillisPart() / 100);
        }
        return String.format("%d:%02d", s / 60, s % 60);
    }
}
