package dev.proxmoxmpc.plugin.terraform.parse;

/**
 * Produces tokens on demand from a position in the text, so the parser can switch to reading characters for
 * string templates and heredocs. Comments ({@code #}, {@code //}, {@code /* *}{@code /}) and spaces are skipped;
 * line ends are tokens (HCL is newline-sensitive).
 */
final class Lexer {
    enum Kind { IDENT, NUMBER, QUOTE, HEREDOC, NEWLINE, PUNCT, EOF }

    record Token(Kind kind, String text, int start, int end) {}

    private final String file;
    private final String src;
    private final int lineOffset;
    private int pos;

    Lexer(String file, String src) {
        this(file, src, 0);
    }

    /** A lexer over a piece of a file (a heredoc body) whose first line is line {@code lineOffset + 1}. */
    Lexer(String file, String src, int lineOffset) {
        this.file = file;
        this.src = src;
        this.lineOffset = lineOffset;
    }

    String file() {
        return file;
    }

    String src() {
        return src;
    }

    int pos() {
        return pos;
    }

    void pos(int p) {
        pos = p;
    }

    HclSyntaxException error(int at, String message) {
        int line = line(at);
        int col = 1;
        for (int i = Math.min(at, src.length()) - 1; i >= 0 && src.charAt(i) != '\n'; i--) {
            col++;
        }
        return new HclSyntaxException(file, line, col, message);
    }

    /** @return the 1-based line of an offset (binary search over the line starts). */
    int line(int at) {
        if (lineStarts == null) {
            java.util.List<Integer> starts = new java.util.ArrayList<>();
            starts.add(0);
            for (int i = 0; i < src.length(); i++) {
                if (src.charAt(i) == '\n') {
                    starts.add(i + 1);
                }
            }
            lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
        }
        int idx = java.util.Arrays.binarySearch(lineStarts, at);
        int line = idx >= 0 ? idx + 1 : -idx - 1;
        return line + lineOffset;
    }

    private int[] lineStarts;

    /** @return the next token starting at the current position (the position moves past it). */
    Token next() {
        skipSpaceAndComments();
        int start = pos;
        if (pos >= src.length()) {
            return new Token(Kind.EOF, "", start, start);
        }
        char c = src.charAt(pos);
        if (c == '\n' || c == '\r') {
            pos += c == '\r' && pos + 1 < src.length() && src.charAt(pos + 1) == '\n' ? 2 : 1;
            return new Token(Kind.NEWLINE, "\n", start, pos);
        }
        if (Character.isLetter(c) || c == '_') {
            while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_'
                    || src.charAt(pos) == '-')) {
                pos++;
            }
            return new Token(Kind.IDENT, src.substring(start, pos), start, pos);
        }
        if (Character.isDigit(c)) {
            return number(start);
        }
        if (c == '"') {
            pos++;
            return new Token(Kind.QUOTE, "\"", start, pos);
        }
        if (src.startsWith("<<", pos) && pos + 2 < src.length()
                && (src.charAt(pos + 2) == '-' || Character.isLetter(src.charAt(pos + 2)) || src.charAt(pos + 2) == '_')) {
            return heredocStart(start);
        }
        for (String op : new String[] {"==", "!=", "<=", ">=", "&&", "||", "=>", "...", "[*]", ".*"}) {
            if (src.startsWith(op, pos)) {
                pos += op.length();
                return new Token(Kind.PUNCT, op, start, pos);
            }
        }
        if ("={}[]().,?:!+-*/%<>~".indexOf(c) >= 0) {
            pos++;
            return new Token(Kind.PUNCT, String.valueOf(c), start, pos);
        }
        throw error(start, "invalid character '" + c + "'");
    }

    private Token number(int start) {
        while (pos < src.length() && Character.isDigit(src.charAt(pos))) {
            pos++;
        }
        if (pos + 1 < src.length() && src.charAt(pos) == '.' && Character.isDigit(src.charAt(pos + 1))) {
            pos++;
            while (pos < src.length() && Character.isDigit(src.charAt(pos))) {
                pos++;
            }
        }
        if (pos < src.length() && (src.charAt(pos) == 'e' || src.charAt(pos) == 'E')) {
            int save = pos;
            pos++;
            if (pos < src.length() && (src.charAt(pos) == '+' || src.charAt(pos) == '-')) {
                pos++;
            }
            if (pos < src.length() && Character.isDigit(src.charAt(pos))) {
                while (pos < src.length() && Character.isDigit(src.charAt(pos))) {
                    pos++;
                }
            } else {
                pos = save;
            }
        }
        return new Token(Kind.NUMBER, src.substring(start, pos), start, pos);
    }

    /** {@code <<EOT} or {@code <<-EOT} up to and including the line end; text = "-" prefix + marker. */
    private Token heredocStart(int start) {
        pos += 2;
        boolean strip = src.charAt(pos) == '-';
        if (strip) {
            pos++;
        }
        int m = pos;
        while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_')) {
            pos++;
        }
        String marker = src.substring(m, pos);
        if (marker.isEmpty()) {
            throw error(start, "heredoc needs a marker after <<");
        }
        if (pos < src.length() && src.charAt(pos) == '\r') {
            pos++;
        }
        if (pos >= src.length() || src.charAt(pos) != '\n') {
            throw error(pos, "heredoc marker must end the line");
        }
        pos++;
        return new Token(Kind.HEREDOC, (strip ? "-" : "") + marker, start, pos);
    }

    private void skipSpaceAndComments() {
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == ' ' || c == '\t') {
                pos++;
            } else if (c == '#' || src.startsWith("//", pos)) {
                while (pos < src.length() && src.charAt(pos) != '\n' && src.charAt(pos) != '\r') {
                    pos++;
                }
            } else if (src.startsWith("/*", pos)) {
                int endAt = src.indexOf("*/", pos + 2);
                if (endAt < 0) {
                    throw error(pos, "unterminated /* comment");
                }
                pos = endAt + 2;
            } else {
                return;
            }
        }
    }
}
