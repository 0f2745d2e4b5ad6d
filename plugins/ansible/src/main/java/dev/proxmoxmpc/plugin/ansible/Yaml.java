package dev.proxmoxmpc.plugin.ansible;

import java.util.Locale;
import java.util.Set;

/** Quotes YAML scalars the way the generated files need them: plain when unambiguous, else double-quoted. */
public final class Yaml {
    private static final Set<String> RESERVED = Set.of("y", "n", "yes", "no", "true", "false", "on", "off", "null", "~");

    private Yaml() {}

    /** @return {@code text} as a YAML scalar that every YAML 1.1/1.2 reader reads back as this string. */
    public static String scalar(String text) {
        if (text.matches("[A-Za-z_][A-Za-z0-9_./@-]*") && !RESERVED.contains(text.toLowerCase(Locale.ROOT))) {
            return text;
        }
        return quoted(text);
    }

    /** @return {@code text} always double-quoted, with JSON-compatible escapes. */
    public static String quoted(String text) {
        StringBuilder sb = new StringBuilder("\"");
        text.codePoints().forEach(cp -> {
            switch (cp) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                default -> {
                    if (cp < 0x20 || cp == 0x7f) {
                        sb.append(String.format("\\x%02x", cp));
                    } else {
                        sb.appendCodePoint(cp);
                    }
                }
            }
        });
        return sb.append('"').toString();
    }

    /** @return {@code text} safe inside a {@code #} comment (one line). */
    public static String comment(String text) {
        return text.replaceAll("[\\r\\n\\x00-\\x1f]", " ");
    }
}
