package dev.proxmoxmpc.plugin.docs.text;

import java.util.List;

/** Markdown text from values: table cells and inline code that a value cannot break out of. */
public final class Md {
    private Md() {
    }

    /** @return {@code s} safe in a table cell: pipes and backslashes escaped, HTML and line breaks neutralised. */
    public static String cell(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '|' -> sb.append("\\|");
                case '\\' -> sb.append("\\\\");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '*', '_', '`', '[', ']' -> sb.append('\\').append(c);
                case '\n', '\r', '\t' -> sb.append(' ');
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** @return the values as cells joined by {@code ", "}, or {@code -} when there are none. */
    public static String list(List<String> values) {
        return values.isEmpty() ? "-" : cell(String.join(", ", values));
    }

    /** @return {@code s} as inline code ({@code `web-01`}), backticks replaced. */
    public static String code(String s) {
        return "`" + s.replace('`', '\'').replace('\n', ' ') + "`";
    }
}
