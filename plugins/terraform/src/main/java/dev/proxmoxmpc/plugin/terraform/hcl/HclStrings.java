package dev.proxmoxmpc.plugin.terraform.hcl;

/**
 * Turns Java strings into HCL string literals: quoted ({@code "a\"b"}) or, for multi-line text that ends with a
 * newline, an indented heredoc ({@code <<-EOT}). Template sequences are escaped ({@code ${} -> $${},
 * {@code %{} -> %%{}), so a value is always taken literally by Terraform. Unicode is written as is; control
 * characters other than newline, return and tab as {@code \\uNNNN}.
 */
public final class HclStrings {
    private HclStrings() {}

    /** @return {@code s} as a quoted HCL string, quotes included. */
    public static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '"' -> sb.append("\\\"");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '$', '%' -> {
                    sb.append(c);
                    if (i + 1 < s.length() && s.charAt(i + 1) == '{') {
                        sb.append(c);
                    }
                }
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    /** @return whether {@code s} is written as a heredoc: several lines, a final newline, nothing ambiguous. */
    public static boolean wantsHeredoc(String s) {
        if (!s.endsWith("\n")) {
            return false;
        }
        String[] lines = s.substring(0, s.length() - 1).split("\n", -1);
        if (lines.length < 2) {
            return false;
        }
        boolean someFlush = false;
        for (String line : lines) {
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (c < 0x20 || c == 0x7f) {
                    return false; // tabs, returns and other controls: a quoted string says them exactly
                }
            }
            if (!line.isEmpty() && line.isBlank()) {
                return false;
            }
            if (!line.isEmpty() && line.charAt(0) != ' ') {
                someFlush = true;
            }
        }
        return someFlush;
    }

    /**
     * @param s      text accepted by {@link #wantsHeredoc}
     * @param indent the indentation of the attribute line
     * @return the heredoc: {@code <<-EOT}, the lines indented by {@code indent + 2}, and the closing marker
     */
    public static String heredoc(String s, String indent) {
        String[] lines = s.substring(0, s.length() - 1).split("\n", -1);
        String marker = "EOT";
        for (int n = 1; containsLine(lines, marker); n++) {
            marker = "EOT" + n;
        }
        StringBuilder sb = new StringBuilder("<<-").append(marker).append('\n');
        for (String line : lines) {
            if (!line.isEmpty()) {
                sb.append(indent).append("  ").append(escapeTemplate(line));
            }
            sb.append('\n');
        }
        return sb.append(indent).append(marker).toString();
    }

    private static boolean containsLine(String[] lines, String marker) {
        for (String l : lines) {
            if (l.trim().equals(marker)) {
                return true;
            }
        }
        return false;
    }

    /** @return {@code s} with {@code ${} and {@code %{} doubled, as inside a heredoc. */
    public static String escapeTemplate(String s) {
        return s.replace("${", "$${").replace("%{", "%%{");
    }
}
