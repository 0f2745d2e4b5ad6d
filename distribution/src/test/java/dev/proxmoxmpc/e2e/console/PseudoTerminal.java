package dev.proxmoxmpc.e2e.console;

import dev.proxmoxmpc.e2e.Product;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The product on a real pseudo-terminal, driven like a person at the keyboard: {@code script(1)} (util-linux)
 * allocates the pty, so JLine opens the system terminal in raw mode and Tab, Ctrl-D and the prompt are real. Input
 * is sent only once the expected output is there ({@link #await}), as a person would wait for the prompt.
 */
final class PseudoTerminal implements AutoCloseable {
    /** The terminal's size. */
    static final int COLUMNS = 160;
    static final int ROWS = 50;
    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;?]*[A-Za-z]|\u001B[=>]");
    private final Process process;
    private final OutputStream keys;
    private final StringBuilder screen = new StringBuilder();
    private int mark;

    private PseudoTerminal(Process process) {
        this.process = process;
        this.keys = process.getOutputStream();
        Thread reader = new Thread(() -> read(process.getInputStream()), "pty-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** @return whether {@code script} is installed (it is in Debian's essential bsdutils package). */
    static boolean available() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (Files.isExecutable(Path.of(dir, "script"))) {
                return true;
            }
        }
        return false;
    }

    /** Starts {@code proxmox-mpc ARGS} on a 160x50 terminal of type xterm in {@code workDir}, with HOME {@code home}. */
    static PseudoTerminal start(Path workDir, Path home, String... args) throws IOException {
        return startAfter("", workDir, home, args);
    }

    /**
     * {@link #start}, after the shell command {@code before} ran on the terminal ({@code printf} of escape sequences
     * that leave the terminal as an earlier program did).
     */
    static PseudoTerminal startAfter(String before, Path workDir, Path home, String... args) throws IOException {
        StringBuilder cmd = new StringBuilder("stty cols ").append(COLUMNS).append(" rows ").append(ROWS).append("; ")
                .append(before.isEmpty() ? "" : before + "; ").append("exec '")
                .append(Product.distDir().resolve("bin/proxmox-mpc")).append('\'');
        for (String a : args) {
            cmd.append(" '").append(a.replace("'", "'\\''")).append('\'');
        }
        ProcessBuilder pb = new ProcessBuilder(List.of("script", "-qefc", cmd.toString(), "/dev/null"))
                .directory(workDir.toFile()).redirectErrorStream(true);
        pb.environment().put("HOME", home.toString());
        pb.environment().put("TERM", "xterm");
        pb.environment().put("NO_COLOR", "1");
        pb.environment().put("PROXMOX_MPC_OPTS", "-Duser.home=" + home);
        Files.createDirectories(workDir);
        return new PseudoTerminal(pb.start());
    }

    private void read(InputStream in) {
        byte[] buf = new byte[8192];
        try (in) {
            for (int n; (n = in.read(buf)) > 0; ) {
                synchronized (screen) {
                    screen.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                    screen.notifyAll();
                }
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    /** Types {@code text} (control characters included: {@code \t} is Tab, {@code \u0004} Ctrl-D). */
    PseudoTerminal type(String text) {
        try {
            keys.write(text.getBytes(StandardCharsets.UTF_8));
            keys.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /**
     * Waits until {@code text} appears in the output after the last awaited text (escape sequences removed).
     *
     * @return this
     * @throws AssertionError with the output so far when it does not appear within {@code timeout}
     */
    PseudoTerminal await(String text, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (screen) {
            while (true) {
                String plain = plain();
                int at = plain.indexOf(text, mark);
                if (at >= 0) {
                    mark = at + text.length();
                    return this;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || (!process.isAlive() && plain.equals(plain()))) {
                    if (!process.isAlive()) {
                        Thread.sleep(200); // the last bytes may still be on their way
                        if (plain().indexOf(text, mark) >= 0) {
                            continue;
                        }
                    }
                    throw new AssertionError("waited for '" + text + "' on the terminal; it showed:\n" + plain());
                }
                screen.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            }
        }
    }

    /** @return everything shown so far, without escape sequences and carriage returns. */
    String plain() {
        synchronized (screen) {
            return ANSI.matcher(screen).replaceAll("").replace("\r", "");
        }
    }

    /** @return everything shown so far, as sent (escape sequences and carriage returns included). */
    String raw() {
        synchronized (screen) {
            return screen.toString();
        }
    }

    /** @return the exit code, waiting up to {@code timeout} */
    int waitFor(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the console did not end within " + timeout + "; it showed:\n" + plain());
        }
        return process.exitValue();
    }

    /** @return the lines shown so far that match {@code regex} */
    List<String> linesMatching(String regex) {
        Pattern p = Pattern.compile(regex);
        List<String> out = new ArrayList<>();
        for (String line : raw().split("[\r\n]")) {
            if (p.matcher(line).find()) {
                out.add(line);
            }
        }
        return out;
    }

    /** @return what the screen shows now (a model of an xterm of {@link #ROWS} x {@link #COLUMNS}) */
    ScreenModel screen() {
        return ScreenModel.of(raw(), ROWS, COLUMNS);
    }

    /** Sends SIGTERM to the product's JVM (the process {@code script} runs), as a closing window or {@code kill} does. */
    void terminateProduct() {
        process.descendants().filter(p -> p.info().command().map(c -> c.endsWith("java")).orElse(false))
                .forEach(ProcessHandle::destroy);
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
