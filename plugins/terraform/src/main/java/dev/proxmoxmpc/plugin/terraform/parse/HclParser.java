package dev.proxmoxmpc.plugin.terraform.parse;

import dev.proxmoxmpc.plugin.terraform.parse.Lexer.Kind;
import dev.proxmoxmpc.plugin.terraform.parse.Lexer.Token;
import java.util.ArrayList;
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
public final class HclParser extends ExpressionParser {
    private HclParser(String file, String text) {
        super(new Lexer(file, text));
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

}
