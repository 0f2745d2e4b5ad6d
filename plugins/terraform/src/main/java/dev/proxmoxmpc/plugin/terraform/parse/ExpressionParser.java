package dev.proxmoxmpc.plugin.terraform.parse;

import dev.proxmoxmpc.plugin.terraform.parse.Lexer.Kind;
import dev.proxmoxmpc.plugin.terraform.parse.Lexer.Token;
import java.util.ArrayList;
import java.util.List;

/** Expressions and templates of the HCL native syntax (grammar in {@link HclParser}). */
class ExpressionParser extends TokenStream {
    ExpressionParser(Lexer lexer) {
        super(lexer);
    }

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

    Ast.Expr primary() {
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

}
