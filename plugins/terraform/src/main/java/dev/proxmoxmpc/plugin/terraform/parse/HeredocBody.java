package dev.proxmoxmpc.plugin.terraform.parse;

import java.util.List;

/** A heredoc's lines: indentation removed for {@code <<-}, then read as a template (no backslash escapes). */
final class HeredocBody {
    private HeredocBody() {}

    /**
     * @param outer      the file's lexer (for line numbers)
     * @param from       offset of the first content line
     * @param markerLine offset of the closing marker's line
     * @param strip      whether this is a {@code <<-} heredoc
     */
    static List<Ast.Part> parse(Lexer outer, ExpressionParser parent, int from, int markerLine, boolean strip) {
        String content = outer.src().substring(from, markerLine);
        if (strip) {
            content = stripIndent(content);
        }
        Lexer lex = new Lexer(outer.file(), content, outer.line(from) - 1);
        ExpressionParser p = new ExpressionParser(lex);
        return new TemplateReader(lex, p, false, content.length()).read();
    }

    private static String stripIndent(String content) {
        String[] lines = content.split("\n", -1);
        int min = Integer.MAX_VALUE;
        for (String l : lines) {
            if (l.isBlank()) {
                continue;
            }
            int n = 0;
            while (n < l.length() && (l.charAt(n) == ' ' || l.charAt(n) == '\t')) {
                n++;
            }
            min = Math.min(min, n);
        }
        if (min == Integer.MAX_VALUE || min == 0) {
            return content;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i];
            sb.append(l.length() >= min ? l.substring(min) : l.strip());
            if (i < lines.length - 1) {
                sb.append('\n');
            }
        }
        return sb.toString();
    }
}
