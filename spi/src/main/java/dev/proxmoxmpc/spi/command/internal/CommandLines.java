package dev.proxmoxmpc.spi.command.internal;

import dev.proxmoxmpc.spi.command.UsageException;
import java.util.ArrayList;
import java.util.List;

/** Splits command lines: words with shell-like quoting, and {@code cmd1; cmd2} sequences. Pure. */
public final class CommandLines {
    private CommandLines() {}

    /**
     * @param line one command line
     * @return its words; quotes ({@code '...'}, {@code "..."}) group words, a backslash escapes the next character
     * @throws UsageException on an unterminated quote
     */
    public static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && quote == '"' && i + 1 < line.length()) {
                    cur.append(line.charAt(++i));
                } else {
                    cur.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (c == '\\' && i + 1 < line.length()) {
                cur.append(line.charAt(++i));
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(cur.toString());
                    cur.setLength(0);
                    inWord = false;
                }
            } else {
                cur.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw new UsageException("unterminated " + quote + " quote in: " + line);
        }
        if (inWord) {
            words.add(cur.toString());
        }
        return words;
    }

    /** @return the commands of {@code cmd1; cmd2}, split at semicolons outside quotes, blank ones dropped. */
    public static List<String> sequence(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote == 0 && (c == ';' || c == '\n')) {
                add(out, cur);
                continue;
            }
            if (c == '\\' && i + 1 < text.length()) {
                cur.append(c).append(text.charAt(++i));
                continue;
            }
            if (quote == 0 && (c == '\'' || c == '"')) {
                quote = c;
            } else if (c == quote) {
                quote = 0;
            }
            cur.append(c);
        }
        add(out, cur);
        return out;
    }

    /** @return the lines of a script: one command a line, {@code #} comments and blank lines dropped. */
    public static List<String> script(List<String> lines) {
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            String t = line.strip();
            if (!t.isEmpty() && !t.startsWith("#")) {
                out.add(t);
            }
        }
        return out;
    }

    /** @return {@code word} quoted so that {@link #words} gives it back. */
    public static String quote(String word) {
        if (!word.isEmpty() && word.chars().noneMatch(c -> Character.isWhitespace(c) || "'\"\\;#".indexOf(c) >= 0)) {
            return word;
        }
        return "'" + word.replace("'", "'\"'\"'") + "'";
    }

    private static void add(List<String> out, StringBuilder cur) {
        String s = cur.toString().strip();
        if (!s.isEmpty()) {
            out.add(s);
        }
        cur.setLength(0);
    }
}
