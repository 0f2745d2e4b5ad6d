package dev.proxmoxmpc.plugin.terraform.parse;

import dev.proxmoxmpc.plugin.terraform.parse.Lexer.Kind;
import dev.proxmoxmpc.plugin.terraform.parse.Lexer.Token;
import java.util.ArrayList;
import java.util.List;

/** Reads template text (a quoted string from after its {@code "}, or a heredoc body) into parts. */
final class TemplateReader {
    private final Lexer lex;
    private final ExpressionParser parser;
    private final boolean quoted;
    private final List<Ast.Part> parts = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();

    TemplateReader(Lexer lex, ExpressionParser parser, boolean quoted, int limit) {
        this.lex = lex;
        this.parser = parser;
        this.quoted = quoted;
    }

    List<Ast.Part> read() {
        String src = lex.src();
        int start = lex.pos();
        int p = start;
        while (true) {
            if (p >= src.length()) {
                if (quoted) {
                    throw lex.error(start - 1, "unterminated string");
                }
                break;
            }
            char c = src.charAt(p);
            if (quoted && c == '"') {
                p++;
                break;
            }
            if (quoted && (c == '\n' || c == '\r')) {
                throw lex.error(start - 1, "unterminated string (a quoted string cannot span lines; use a heredoc)");
            }
            if (quoted && c == '\\') {
                p = escape(src, p);
            } else if (src.startsWith("$${", p) || src.startsWith("%%{", p)) {
                text.append(c).append('{');
                p += 3;
            } else if (src.startsWith("${", p)) {
                p = interpolation(p + 2);
            } else if (src.startsWith("%{", p)) {
                p = directive(p + 2);
            } else {
                text.append(c);
                p++;
            }
        }
        lex.pos(p);
        if (!parser.directives.isEmpty()) {
            throw lex.error(p - 1, "%{ " + parser.directives.peek() + " } is not closed in this template");
        }
        flush();
        return parts;
    }

    private int escape(String src, int p) {
        if (p + 1 >= src.length()) {
            throw lex.error(p, "unterminated escape");
        }
        char e = src.charAt(p + 1);
        switch (e) {
            case 'n' -> text.append('\n');
            case 'r' -> text.append('\r');
            case 't' -> text.append('\t');
            case '"' -> text.append('"');
            case '\\' -> text.append('\\');
            case 'u', 'U' -> {
                int len = e == 'u' ? 4 : 8;
                if (p + 2 + len > src.length()) {
                    throw lex.error(p, "invalid unicode escape");
                }
                try {
                    text.appendCodePoint(Integer.parseInt(src.substring(p + 2, p + 2 + len), 16));
                } catch (IllegalArgumentException ex) {
                    throw lex.error(p, "invalid unicode escape");
                }
                return p + 2 + len;
            }
            default -> throw lex.error(p, "invalid escape sequence \\" + e);
        }
        return p + 2;
    }

    private int interpolation(int p) {
        flush();
        lex.pos(skipTilde(p));
        Ast.Expr e = parser.interpolation();
        parts.add(new Ast.Interpolation(e, lex.src().substring(e.start(), e.end())));
        return close("interpolation");
    }

    private int directive(int p) {
        flush();
        int start = p;
        lex.pos(skipTilde(p));
        Token kw = parser.token();
        if (kw.kind() != Kind.IDENT) {
            throw lex.error(kw.start(), "expected if, else, endif, for or endfor in %{ }");
        }
        switch (kw.text()) {
            case "if" -> {
                parser.interpolation();
                parser.directives.push("if");
            }
            case "for" -> {
                Token name = parser.token();
                if (name.kind() != Kind.IDENT) {
                    throw lex.error(name.start(), "expected a name after %{ for");
                }
                Token t = parser.token();
                if (t.kind() == Kind.PUNCT && t.text().equals(",")) {
                    parser.token();
                    t = parser.token();
                }
                if (!t.text().equals("in")) {
                    throw lex.error(t.start(), "expected 'in' in %{ for }");
                }
                parser.interpolation();
                parser.directives.push("for");
            }
            case "else" -> {
                if (!"if".equals(parser.directives.peek())) {
                    throw lex.error(kw.start(), "%{ else } without %{ if }");
                }
            }
            case "endif", "endfor" -> {
                String open = kw.text().substring(3);
                if (!open.equals(parser.directives.peek())) {
                    throw lex.error(kw.start(), "%{ " + kw.text() + " } without matching %{ " + open + " }");
                }
                parser.directives.pop();
            }
            default -> throw lex.error(kw.start(), "unknown template directive %{ " + kw.text() + " }");
        }
        int end = close("directive");
        parts.add(new Ast.Directive(kw.text(), lex.src().substring(start, end - 1)));
        return end;
    }

    private int close(String what) {
        Token t = parser.peekToken();
        if (t.kind() == Kind.PUNCT && t.text().equals("~")) {
            parser.token();
            t = parser.peekToken();
        }
        if (t.kind() != Kind.PUNCT || !t.text().equals("}")) {
            throw lex.error(t.start(), "expected '}' closing the " + what + ", found '" + t.text() + "'");
        }
        parser.token();
        return t.end();
    }

    private int skipTilde(int p) {
        return p < lex.src().length() && lex.src().charAt(p) == '~' ? p + 1 : p;
    }

    private void flush() {
        if (text.length() > 0) {
            parts.add(new Ast.Text(text.toString()));
            text.setLength(0);
        }
    }
}
