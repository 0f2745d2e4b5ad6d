package dev.proxmoxmpc.spi.testkit;

import dev.proxmoxmpc.spi.console.Console;
import dev.proxmoxmpc.spi.console.Progress;
import dev.proxmoxmpc.spi.console.Style;
import dev.proxmoxmpc.spi.console.Table;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A {@link Console} that records everything and answers questions from a script. Without scripted answers it
 * behaves like batch mode: confirm() is false unless {@link #yes(boolean)}, prompt() returns the default.
 */
public final class RecordingConsole implements Console {
    private final List<String> out = new ArrayList<>();
    private final List<String> err = new ArrayList<>();
    private final List<Object> json = new ArrayList<>();
    private final List<Table> tables = new ArrayList<>();
    private final List<String> progressMessages = new ArrayList<>();
    private final List<String> progresses = new ArrayList<>();
    private final Deque<String> answers = new ArrayDeque<>();
    private boolean yes;
    private boolean jsonRequested;
    private boolean interactive;

    /** Answers the next questions (prompt, confirm as y/n, promptSecret) in order; makes the console interactive. */
    public synchronized RecordingConsole answers(String... lines) {
        answers.addAll(List.of(lines));
        interactive = true;
        return this;
    }

    /** Like {@code --yes}: confirm() returns true. */
    public synchronized RecordingConsole yes(boolean value) {
        this.yes = value;
        return this;
    }

    /** Like {@code --json}. */
    public synchronized RecordingConsole jsonRequested(boolean value) {
        this.jsonRequested = value;
        return this;
    }

    /**
     * Runs {@code body} with {@code --json} and {@code --yes} also set when {@code json} or {@code yes} (a command
     * line's global flags), as the kernel's console does for one line.
     */
    public <T> T withFlags(boolean json, boolean yes, java.util.function.Supplier<T> body) {
        boolean oldJson;
        boolean oldYes;
        synchronized (this) {
            oldJson = jsonRequested;
            oldYes = this.yes;
            jsonRequested |= json;
            this.yes |= yes;
        }
        try {
            return body.get();
        } finally {
            synchronized (this) {
                jsonRequested = oldJson;
                this.yes = oldYes;
            }
        }
    }

    /** @return all stdout lines joined with newlines (tables rendered as tab-separated lines). */
    public synchronized String output() {
        return String.join("\n", out);
    }

    /** @return all error lines joined with newlines. */
    public synchronized String errors() {
        return String.join("\n", err);
    }

    public synchronized List<String> lines() {
        return List.copyOf(out);
    }

    /** @return values passed to {@link #json(Object)}, in order. */
    public synchronized List<Object> jsonValues() {
        return List.copyOf(json);
    }

    public synchronized List<Table> tables() {
        return List.copyOf(tables);
    }

    /** @return messages given to progress bars. */
    public synchronized List<String> progressMessages() {
        return List.copyOf(progressMessages);
    }

    /** @return every progress bar closed so far, as {@code label steps/total} ({@code Applying 2/2}), in order. */
    public synchronized List<String> progresses() {
        return List.copyOf(progresses);
    }

    @Override
    public synchronized void println(String text) {
        out.add(text);
    }

    @Override
    public synchronized void info(String text) {
        out.add(text);
    }

    @Override
    public synchronized void success(String text) {
        out.add(text);
    }

    @Override
    public synchronized void warn(String text) {
        err.add("warning: " + text);
    }

    @Override
    public synchronized void error(String text) {
        err.add("error: " + text);
    }

    @Override
    public synchronized void table(Table table) {
        tables.add(table);
        out.add(String.join("\t", table.headers()));
        table.rows().forEach(r -> out.add(String.join("\t", r)));
    }

    @Override
    public synchronized void json(Object value) {
        json.add(value);
        out.add(String.valueOf(value));
    }

    @Override
    public String style(Style style, String text) {
        return text;
    }

    @Override
    public Progress progress(String label, long total) {
        return new Progress() {
            private final java.util.concurrent.atomic.AtomicLong max = new java.util.concurrent.atomic.AtomicLong(total);
            private final java.util.concurrent.atomic.AtomicLong done = new java.util.concurrent.atomic.AtomicLong();

            @Override
            public void total(long t) {
                max.accumulateAndGet(t, Math::max);
            }

            @Override
            public void step(long n) {
                done.addAndGet(n);
            }

            @Override
            public void message(String text) {
                synchronized (RecordingConsole.this) {
                    progressMessages.add(text);
                }
            }

            @Override
            public void close() {
                synchronized (RecordingConsole.this) {
                    progresses.add(label + " " + done.get() + "/" + max.get());
                }
            }
        };
    }

    @Override
    public synchronized boolean confirm(String question) {
        out.add(question + " [y/N]");
        if (yes) {
            return true;
        }
        if (answers.isEmpty()) {
            return false;
        }
        String a = answers.poll().trim().toLowerCase(java.util.Locale.ROOT);
        return a.equals("y") || a.equals("yes");
    }

    @Override
    public synchronized String prompt(String question, String defaultValue) {
        out.add(question + (defaultValue.isEmpty() ? "" : " [" + defaultValue + "]"));
        if (answers.isEmpty()) {
            return defaultValue;
        }
        String a = answers.poll();
        return a.isEmpty() ? defaultValue : a;
    }

    @Override
    public synchronized String promptSecret(String question) {
        out.add(question);
        return answers.isEmpty() ? "" : answers.poll();
    }

    @Override
    public synchronized boolean interactive() {
        return interactive;
    }

    @Override
    public synchronized boolean jsonRequested() {
        return jsonRequested;
    }
}
