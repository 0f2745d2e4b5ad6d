package dev.proxmoxmpc.plugin.terraform.parse;

import dev.proxmoxmpc.plugin.terraform.parse.Lexer.Kind;
import dev.proxmoxmpc.plugin.terraform.parse.Lexer.Token;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A recursive-descent parser for the HCL native syntax as Terraform files use it. Grammar (after HashiCorp's
 * hclsyntax spec; {@code NL} is a line end, ignored inside {@code ( )} and {@code [ ]}):
 *
 * <pre>
 * ConfigFile  = Body EOF
 * Body        = { Attribute | Block | NL }
 * Attribute   = Ident "=" Expr NL                       (each name at most once per body)
 * Block       = Ident { StringLit | Ident } "{" ( NL Body | [ Ident "=" Expr ] ) "}" NL
 * Expr        = Or [ "?" Expr ":" Expr ]
 * Or .. Mul   = binary operators || &amp;&amp; == != &lt; &gt; &lt;= &gt;= + - * / %, usual precedence
 * Unary       = ( "!" | "-" ) Unary | Postfix
 * Postfix     = Primary { "." Ident | "." Number | "[" Expr "]" | ".*" | "[*]" }
 * Primary     = Number | "true" | "false" | "null" | Template | Heredoc | Ident [ "(" Args ")" ]
 *             | "(" Expr ")" | "[" ( ForTuple | [ Expr { "," Expr } [","] ] ) "]"
 *             | "{" ( ForObject | { Expr ("=" | ":") Expr ( "," | NL ) } ) "}"
 * Args        = [ Expr { "," Expr } [ "," | "..." ] ]
 * ForTuple    = "for" Ident [ "," Ident ] "in" Expr ":" Expr [ "if" Expr ]
 * ForObject   = "for" Ident [ "," Ident ] "in" Expr ":" Expr "=&gt;" Expr [ "..." ] [ "if" Expr ]
 * Template    = '"' { char | escape | "$${" | "%%{" | "${" ["~"] Expr ["~"] "}" | "%{" ["~"] Directive ["~"] "}" } '"'
 * escape      = \\ \" \n \r \t \\uXXXX \\UXXXXXXXX
 * Directive   = "if" Expr | "else" | "endif" | "for" Ident [ "," Ident ] "in" Expr | "endfor"   (balanced)
 * Heredoc     = ( "&lt;&lt;" | "&lt;&lt;-" ) Ident NL { line } Ident-alone-on-a-line   ("-": common indentation removed)
 * Comment     = "#" .. NL | "//" .. NL | "/*" .. "*&#47;"
 * </pre>
 * Errors are {@link HclSyntaxException}s naming file, line and column. Not thread-safe; one instance per file.
 */
public final class HclParser {
    private final Lexer lex;
    private final String file;
    private Token peeked;
    private int nesting;

    private HclParser(String file, String text) {
        this(new Lexer(file, text));
    }

    HclParser(Lexer lexer) {
        this.file = lexer.file();
        this.lex = lexer;
    }

    /** @return the file's body; throws {@link HclSyntaxException} on broken syntax. */
    public static Ast.Body parse(String file, String text) {
        HclParser p = new HclParser(file, text);
        Ast.Body body = p.body(false);
        Token t = p.next();
        if (t.kind() != Kind.EOF) {
            throw p.lex.error(t.start(), "unexpected '" + t.text() + "'");
        }
        return body;
    }

    private Token peek() {
        if (peeked == null) {
            peeked = lex.next();
            while (nesting > 0 && peeked.kind() == Kind.NEWLINE) {
                peeked = lex.next();
            }
        }
        return peeked;
    }

    private Token next() {
        Token t = peek();
        peeked = null;
        return t;
    }

    private boolean at(String punct) {
        Token t = peek();
        return t.kind() == Kind.PUNCT && t.text().equals(punct);
    }

    private boolean atWord(String word) {
        Token t = peek();
        return t.kind() == Kind.IDENT && t.text().equals(word);
    }

    private Token expect(String punct, String what) {
        Token t = next();
        if (t.kind() != Kind.PUNCT || !t.text().equals(punct)) {
            throw lex.error(t.start(), "expected " + what + ", found " + describe(t));
        }
        return t;
    }

    private static String describe(Token t) {
        return switch (t.kind()) {
            case EOF -> "end of file";
            case NEWLINE -> "end of line";
            default -> "'" + t.text() + "'";
        };
    }

    private Ast.Body body(boolean inBlock) {
        List<Ast.Item> items = new ArrayList<>();
        Set<String> names = new HashSet<>();
        while (true) {
            Token t = peek();
            if (t.kind() == Kind.NEWLINE) {
                next();
                continue;
            }
            if (t.kind() == Kind.EOF || inBlock && at("}")) {
                return new Ast.Body(items);
            }
            if (t.kind() != Kind.IDENT) {
                throw lex.error(t.start(), "expected an attribute or block name, found " + describe(t));
            }
            Ast.Item item = item(true);
            if (item instanceof Ast.Attribute a && !names.add(a.name())) {
                throw lex.error(t.start(), "attribute \"" + a.name() + "\" redefined");
            }
            items.add(item);
        }
    }

    /** An attribute or block; {@code needNewline}: must end its line (false for a single-line block's content). */
    private Ast.Item item(boolean needNewline) {
        Token name = next();
        int line = lex.line(name.start());
        if (at("=")) {
            next();
            Ast.Expr value = expr();
            if (needNewline) {
                endOfLine();
            }
            return new Ast.Attribute(name.text(), value, line);
        }
        List<String> labels = new ArrayList<>();
        while (!at("{")) {
            Token t = peek();
            if (t.kind() == Kind.QUOTE) {
                Ast.Expr label = primary();
                if (!(label instanceof Ast.Template tpl) || !isLiteral(tpl)) {
                    throw lex.error(t.start(), "block labels must be literal strings");
                }
                labels.add(literalText(tpl));
            } else if (t.kind() == Kind.IDENT) {
                labels.add(next().text());
            } else {
                throw lex.error(t.start(), "expected '=' or a block, found " + describe(t));
            }
        }
        next();
        Ast.Body body;
        if (peek().kind() == Kind.NEWLINE) {
            body = body(true);
        } else if (at("}")) {
            body = new Ast.Body(List.of());
        } else {
            Ast.Item only = item(false);
            if (!(only instanceof Ast.Attribute)) {
                throw lex.error(lex.pos(), "a single-line block holds at most one attribute");
            }
            body = new Ast.Body(List.of(only));
        }
        expect("}", "'}' closing block " + name.text());
        if (needNewline) {
            endOfLine();
        }
        return new Ast.Block(name.text(), labels, body, line);
    }

    private void endOfLine() {
        Token t = peek();
        if (t.kind() == Kind.NEWLINE || t.kind() == Kind.EOF) {
            next();
            return;
        }
        throw lex.error(t.start(), "missing newline after argument, found " + describe(t));
    }

    static boolean isLiteral(Ast.Template t) {
        return t.parts().stream().allMatch(Ast.Text.class::isInstance);
    }

    static String literalText(Ast.Template t) {
        StringBuilder sb = new StringBuilder();
        t.parts().forEach(p -> sb.append(((Ast.Text) p).text()));
        return sb.toString();
    }

    // ---- expressions

    Ast.Expr expr() {
        Ast.Expr cond = binary(0);
        if (at("?")) {
            next();
            expr();
            expect(":", "':' in conditional");
            Ast.Expr no = expr();
            return other("conditional", cond, no);
        }
        return cond;
    }

    private static final String[][] LEVELS = {{"||"}, {"&&"}, {"==", "!="}, {"<", ">", "<=", ">="}, {"+", "-"},
        {"*", "/", "%"}};

    private Ast.Expr binary(int level) {
        if (level == LEVELS.length) {
            return unary();
        }
        Ast.Expr left = binary(level + 1);
        while (peek().kind() == Kind.PUNCT && List.of(LEVELS[level]).contains(peek().text())) {
            next();
            Ast.Expr right = binary(level + 1);
            left = other("operator", left, right);
        }
        return left;
    }

    private Ast.Expr unary() {
        if (at("!") || at("-")) {
            Token op = next();
            Ast.Expr operand = unary();
            if (op.text().equals("-") && operand instanceof Ast.Literal l && l.value() instanceof java.math.BigDecimal d) {
                return new Ast.Literal(d.negate(), op.start(), l.end(), lex.line(op.start()));
            }
            return new Ast.Other("operator", op.start(), operand.end(), lex.line(op.start()));
        }
        return postfix(primary());
    }

    private Ast.Expr postfix(Ast.Expr base) {
        Ast.Expr e = base;
        while (true) {
            if (at(".")) {
                next();
                Token t = next();
                if (t.kind() != Kind.IDENT && t.kind() != Kind.NUMBER) {
                    throw lex.error(t.start(), "expected an attribute name after '.', found " + describe(t));
                }
                e = step(e, t.text(), t.end());
            } else if (at("[*]") || at(".*")) {
                Token t = next();
                e = new Ast.Other("splat", e.start(), t.end(), e.line());
            } else if (at("[")) {
                next();
                nesting++;
                Ast.Expr index = expr();
                nesting--;
                Token close = expect("]", "']' closing index");
                e = e instanceof Ast.Traversal tr ? withStep(tr, index, close.end())
                        : new Ast.Other("index", e.start(), close.end(), e.line());
            } else {
                return e;
            }
        }
    }

    private static Ast.Expr step(Ast.Expr e, String name, int end) {
        return e instanceof Ast.Traversal tr ? withStep(tr, name, end) : new Ast.Other("attribute", e.start(), end, e.line());
    }

    private static Ast.Traversal withStep(Ast.Traversal tr, Object step, int end) {
        List<Object> steps = new ArrayList<>(tr.steps());
        steps.add(step);
        return new Ast.Traversal(tr.root(), steps, tr.start(), end, tr.line());
    }

    private Ast.Expr other(String kind, Ast.Expr first, Ast.Expr last) {
        return new Ast.Other(kind, first.start(), last.end(), first.line());
    }

    private Ast.Expr primary() {
        Token t = next();
        int line = lex.line(t.start());
        switch (t.kind()) {
            case NUMBER:
                return Ast.Literal.number(t.text(), t.start(), t.end(), line);
            case QUOTE:
                return quoted(t);
            case HEREDOC:
                return heredoc(t);
            case IDENT:
                return identifier(t, line);
            case PUNCT:
                if (t.text().equals("(")) {
                    nesting++;
                    Ast.Expr inner = expr();
                    nesting--;
                    Token close = expect(")", "')'");
                    return new Ast.Other("parens", t.start(), close.end(), line);
                }
                if (t.text().equals("[")) {
                    return tuple(t, line);
                }
                if (t.text().equals("{")) {
                    return object(t, line);
                }
                throw lex.error(t.start(), "expected an expression, found " + describe(t));
            default:
                throw lex.error(t.start(), "expected an expression, found " + describe(t));
        }
    }

    private Ast.Expr identifier(Token t, int line) {
        switch (t.text()) {
            case "true":
                return new Ast.Literal(Boolean.TRUE, t.start(), t.end(), line);
            case "false":
                return new Ast.Literal(Boolean.FALSE, t.start(), t.end(), line);
            case "null":
                return new Ast.Literal(null, t.start(), t.end(), line);
            default:
                break;
        }
        if (at("(")) {
            next();
            nesting++;
            List<Ast.Expr> args = new ArrayList<>();
            while (!at(")")) {
                args.add(expr());
                if (at("...")) {
                    next();
                }
                if (!at(")")) {
                    expect(",", "',' or ')' in arguments of " + t.text());
                }
            }
            nesting--;
            Token close = next();
            return new Ast.Call(t.text(), args, t.start(), close.end(), line);
        }
        return new Ast.Traversal(t.text(), List.of(), t.start(), t.end(), line);
    }

    private Ast.Expr tuple(Token open, int line) {
        nesting++;
        if (atWord("for")) {
            forIntro();
            expr();
            if (atWord("if")) {
                next();
                expr();
            }
            nesting--;
            Token close = expect("]", "']' closing for expression");
            return new Ast.Other("for", open.start(), close.end(), line);
        }
        List<Ast.Expr> items = new ArrayList<>();
        while (!at("]")) {
            items.add(expr());
            if (!at("]")) {
                expect(",", "',' or ']' in list");
            }
        }
        nesting--;
        Token close = next();
        return new Ast.Tuple(items, open.start(), close.end(), line);
    }

    private void forIntro() {
        next();
        identOrFail("for");
        if (at(",")) {
            next();
            identOrFail("for");
        }
        if (!atWord("in")) {
            throw lex.error(peek().start(), "expected 'in' in for expression, found " + describe(peek()));
        }
        next();
        expr();
        expect(":", "':' in for expression");
    }

    private void identOrFail(String context) {
        Token t = next();
        if (t.kind() != Kind.IDENT) {
            throw lex.error(t.start(), "expected a name in " + context + ", found " + describe(t));
        }
    }

    private Ast.Expr object(Token open, int line) {
        int saved = nesting;
        nesting = 0;
        skipNewlines();
        if (atWord("for")) {
            nesting = 1;
            forIntro();
            expr();
            expect("=>", "'=>' in for expression");
            expr();
            if (at("...")) {
                next();
            }
            if (atWord("if")) {
                next();
                expr();
            }
            nesting = saved;
            Token close = expect("}", "'}' closing for expression");
            return new Ast.Other("for", open.start(), close.end(), line);
        }
        List<Ast.Entry> entries = new ArrayList<>();
        while (!at("}")) {
            Ast.Expr key = expr();
            if (!at("=") && !at(":")) {
                throw lex.error(peek().start(), "expected '=' after object key, found " + describe(peek()));
            }
            next();
            Ast.Expr value = expr();
            entries.add(new Ast.Entry(key, value));
            if (at(",")) {
                next();
            } else if (peek().kind() != Kind.NEWLINE && !at("}")) {
                throw lex.error(peek().start(), "expected ',' or a new line between object items, found " + describe(peek()));
            }
            skipNewlines();
        }
        nesting = saved;
        Token close = next();
        return new Ast.ObjectCons(entries, open.start(), close.end(), line);
    }

    private void skipNewlines() {
        while (peek().kind() == Kind.NEWLINE) {
            next();
        }
    }

    // ---- templates

    private Ast.Expr quoted(Token open) {
        int line = lex.line(open.start());
        peeked = null;
        lex.pos(open.end());
        TemplateReader r = new TemplateReader(lex, this, true, lex.src().length());
        List<Ast.Part> parts = r.read();
        return new Ast.Template(parts, open.start(), lex.pos(), line);
    }

    private Ast.Expr heredoc(Token open) {
        int line = lex.line(open.start());
        boolean strip = open.text().startsWith("-");
        String marker = strip ? open.text().substring(1) : open.text();
        String src = lex.src();
        int p = open.end();
        while (true) {
            if (p >= src.length()) {
                throw lex.error(open.start(), "heredoc " + marker + " is not closed");
            }
            int eol = src.indexOf('\n', p);
            int lineEnd = eol < 0 ? src.length() : eol;
            if (src.substring(p, lineEnd).strip().equals(marker)) {
                List<Ast.Part> parts = HeredocBody.parse(lex, this, open.end(), p, strip);
                lex.pos(src.indexOf(marker, p) + marker.length());
                peeked = null;
                return new Ast.Template(parts, open.start(), lex.pos(), line);
            }
            p = eol < 0 ? src.length() : eol + 1;
        }
    }

    /** Parses one expression inside {@code ${ }} or a directive, starting at the lexer's position. */
    Ast.Expr interpolation() {
        peeked = null;
        nesting++;
        Ast.Expr e = expr();
        nesting--;
        return e;
    }

    /** @return the next token (used by the template reader to close interpolations and directives). */
    Token token() {
        Token t = peek();
        peeked = null;
        return t;
    }

    Token peekToken() {
        nesting++;
        Token t = peek();
        nesting--;
        return t;
    }

    /** Directive state shared by a template: the open if/for directives. */
    final Deque<String> directives = new ArrayDeque<>();

    String file() {
        return file;
    }
}
